package io.sluice.runtime.util;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * An exception that crosses process or class-loader boundaries: it keeps the original's class
 * name, message and full stack trace as text, and the original itself when it can be serialized
 * and deserialized, so the client sees the user's exception even without the user's classes.
 */
public final class SerializedThrowable extends Exception {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String fullStackTrace;
    private final SerializedValue<Throwable> original;

    public SerializedThrowable(Throwable t) {
        super(t.getClass().getName() + ": " + t.getMessage());
        this.originalClassName = t.getClass().getName();
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        this.fullStackTrace = sw.toString();
        SerializedValue<Throwable> ser;
        try {
            ser = SerializedValue.of(t);
        } catch (RuntimeException e) {
            ser = null;
        }
        this.original = ser;
        setStackTrace(t.getStackTrace());
    }

    public String getOriginalClassName() {
        return originalClassName;
    }

    public String getFullStackTrace() {
        return fullStackTrace;
    }

    /** The original exception if it can be rebuilt with this loader, else this object. */
    public Throwable deserialize(ClassLoader loader) {
        if (original == null) {
            return this;
        }
        try {
            return original.deserialize(loader);
        } catch (Exception | LinkageError e) {
            return this;
        }
    }
}
