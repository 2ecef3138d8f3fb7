package io.sluice.api.typeutils;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Reads and writes primitive-typed fields of records and POJOs without boxing: the getter is
 * adapted to return the primitive, the value goes straight to the view. The bytes are the same as
 * the matching basic serializer writes ({@code writeLong} for long, …). Stateless; any thread.
 */
final class PrimitiveFields {
    private PrimitiveFields() {}

    static final byte OBJECT = 0;
    static final byte LONG = 1;
    static final byte INT = 2;
    static final byte DOUBLE = 3;
    static final byte FLOAT = 4;
    static final byte SHORT = 5;
    static final byte BYTE = 6;
    static final byte BOOLEAN = 7;
    static final byte CHAR = 8;

    static byte kindOf(Class<?> type) {
        if (type == long.class) {
            return LONG;
        }
        if (type == int.class) {
            return INT;
        }
        if (type == double.class) {
            return DOUBLE;
        }
        if (type == float.class) {
            return FLOAT;
        }
        if (type == short.class) {
            return SHORT;
        }
        if (type == byte.class) {
            return BYTE;
        }
        if (type == boolean.class) {
            return BOOLEAN;
        }
        if (type == char.class) {
            return CHAR;
        }
        return OBJECT;
    }

    /** Adapts a {@code (Object)Object} getter to {@code (Object)primitive} for a primitive kind. */
    static MethodHandle primitiveGetter(MethodHandle objectGetter, Class<?> primitive) {
        return objectGetter.asType(MethodType.methodType(primitive, Object.class));
    }

    /** Writes the primitive field of {@code record} read through {@code getter}. */
    static void write(byte kind, MethodHandle getter, Object record, DataOutputView target) throws Throwable {
        switch (kind) {
            case LONG:
                target.writeLong((long) getter.invokeExact(record));
                break;
            case INT:
                target.writeInt((int) getter.invokeExact(record));
                break;
            case DOUBLE:
                target.writeDouble((double) getter.invokeExact(record));
                break;
            case FLOAT:
                target.writeFloat((float) getter.invokeExact(record));
                break;
            case SHORT:
                target.writeShort((short) getter.invokeExact(record));
                break;
            case BYTE:
                target.writeByte((byte) getter.invokeExact(record));
                break;
            case BOOLEAN:
                target.writeBoolean((boolean) getter.invokeExact(record));
                break;
            case CHAR:
                target.writeChar((char) getter.invokeExact(record));
                break;
            default:
                throw new IllegalStateException("Not a primitive field kind: " + kind);
        }
    }

    /** Reads a primitive value of the kind, boxed (for record constructors). */
    static Object readBoxed(byte kind, DataInputView source) throws IOException {
        switch (kind) {
            case LONG:
                return source.readLong();
            case INT:
                return source.readInt();
            case DOUBLE:
                return source.readDouble();
            case FLOAT:
                return source.readFloat();
            case SHORT:
                return source.readShort();
            case BYTE:
                return source.readByte();
            case BOOLEAN:
                return source.readBoolean();
            case CHAR:
                return source.readChar();
            default:
                throw new IllegalStateException("Not a primitive field kind: " + kind);
        }
    }

    /** Reads a primitive value of the kind and stores it through a {@code (Object, primitive)void} setter. */
    static void readInto(byte kind, MethodHandle setter, Object target, DataInputView source) throws Throwable {
        switch (kind) {
            case LONG:
                setter.invokeExact(target, source.readLong());
                break;
            case INT:
                setter.invokeExact(target, source.readInt());
                break;
            case DOUBLE:
                setter.invokeExact(target, source.readDouble());
                break;
            case FLOAT:
                setter.invokeExact(target, source.readFloat());
                break;
            case SHORT:
                setter.invokeExact(target, source.readShort());
                break;
            case BYTE:
                setter.invokeExact(target, source.readByte());
                break;
            case BOOLEAN:
                setter.invokeExact(target, source.readBoolean());
                break;
            case CHAR:
                setter.invokeExact(target, source.readChar());
                break;
            default:
                throw new IllegalStateException("Not a primitive field kind: " + kind);
        }
    }

    /** Rethrows what a MethodHandle call threw, as an IOException or unchecked exception. */
    static IOException rethrow(Throwable t, String what) {
        if (t instanceof IOException e) {
            return e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(what + " failed", t);
    }
}
