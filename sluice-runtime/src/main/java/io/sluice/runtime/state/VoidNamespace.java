package io.sluice.runtime.state;

/** The namespace of keyed state and timers that have none (everything outside windows). */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    public static VoidNamespace get() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
