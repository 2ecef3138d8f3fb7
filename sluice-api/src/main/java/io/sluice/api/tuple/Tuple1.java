package io.sluice.api.tuple;

import java.util.Objects;

/**
 * A tuple with 1 field, {@code f0}.
 *
 * <p>Mutable and not thread-safe: it belongs to the thread that created or received it. The fields
 * are public so user code and serializers reach them without calls. Equal fields mean equal tuples;
 * {@link #hashCode()} combines the fields' hash codes only, so it is the same in every JVM when the
 * fields' hash codes are.
 */
public class Tuple1<T0> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Creates a tuple with all fields null. */
    public Tuple1() {}

    /** Creates a tuple with the given fields. */
    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    /** Creates a tuple with the given fields. */
    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    /** Sets all fields. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            default:
                throw outOfRange(pos);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                this.f0 = (T0) value;
                break;
            default:
                throw outOfRange(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field objects. */
    @Override
    public Tuple1<T0> copy() {
        return new Tuple1<>(this.f0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> other = (Tuple1<?>) o;
        return Objects.equals(f0, other.f0);
    }

    @Override
    public int hashCode() {
        int h = f0 == null ? 0 : f0.hashCode();
        return h;
    }

    /** Formats as {@code (f0)}, null fields as {@code null}. */
    @Override
    public String toString() {
        return "(" + f0 + ")";
    }
}
