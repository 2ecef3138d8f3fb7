package io.sluice.api.typeutils;

/** Helpers shared by the composite serializers. Stateless; any thread. */
final class CompositeSerializers {
    private CompositeSerializers() {}

    /** Duplicates every serializer; returns the same array if every duplicate is the original. */
    static TypeSerializer<Object>[] duplicateAll(TypeSerializer<Object>[] serializers) {
        TypeSerializer<Object>[] copy = null;
        for (int i = 0; i < serializers.length; i++) {
            TypeSerializer<Object> d = serializers[i].duplicate();
            if (d != serializers[i]) {
                if (copy == null) {
                    copy = serializers.clone();
                }
                copy[i] = d;
            }
        }
        return copy == null ? serializers : copy;
    }

    /** The summed fixed length, or -1 if any serializer has a variable length. */
    static int fixedLength(TypeSerializer<?>[] serializers) {
        int sum = 0;
        for (TypeSerializer<?> s : serializers) {
            int len = s.getLength();
            if (len < 0) {
                return -1;
            }
            sum += len;
        }
        return sum;
    }

    /** Reads a null bitmask of {@code bits} bits (at most 64) written low byte first. */
    static long readMask(DataInputView source, int bits) throws java.io.IOException {
        long mask = 0;
        for (int shift = 0; shift < bits; shift += 8) {
            mask |= ((long) source.readUnsignedByte()) << shift;
        }
        return mask;
    }

    /** Writes the low {@code bits} bits of a null bitmask, low byte first. */
    static void writeMask(long mask, int bits, DataOutputView target) throws java.io.IOException {
        for (int shift = 0; shift < bits; shift += 8) {
            target.writeByte((int) (mask >>> shift));
        }
    }

    static boolean allImmutable(TypeSerializer<?>[] serializers) {
        for (TypeSerializer<?> s : serializers) {
            if (!s.isImmutableType()) {
                return false;
            }
        }
        return true;
    }
}
