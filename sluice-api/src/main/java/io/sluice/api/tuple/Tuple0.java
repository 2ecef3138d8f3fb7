package io.sluice.api.tuple;
/**
 * A tuple with 0 fields (the unit value).
 *
 * <p>Mutable and not thread-safe: it belongs to the thread that created or received it. The fields
 * are public so user code and serializers reach them without calls. Equal fields mean equal tuples;
 * {@link #hashCode()} combines the fields' hash codes only, so it is the same in every JVM when the
 * fields' hash codes are.
 */
public class Tuple0 extends Tuple {
    private static final long serialVersionUID = 1L;

    /** The shared instance; {@code Tuple0} has no state. */
    public static final Tuple0 INSTANCE = new Tuple0();

    /** Creates a tuple with all fields null. */
    public Tuple0() {}

    /** Returns the shared instance. */
    public static Tuple0 of() {
        return INSTANCE;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        throw outOfRange(pos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        throw outOfRange(pos);
    }

    /** Returns the shared instance: {@code Tuple0} has nothing to copy. */
    @Override
    public Tuple0 copy() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "()";
    }

    /** Keeps the singleton on Java deserialization. */
    private Object readResolve() {
        return INSTANCE;
    }
}
