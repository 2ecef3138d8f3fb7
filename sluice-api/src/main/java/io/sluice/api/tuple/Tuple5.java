package io.sluice.api.tuple;

import java.util.Objects;

/**
 * A tuple with 5 fields, {@code f0}, {@code f1}, {@code f2}, {@code f3}, {@code f4}.
 *
 * <p>Mutable and not thread-safe: it belongs to the thread that created or received it. The fields
 * are public so user code and serializers reach them without calls. Equal fields mean equal tuples;
 * {@link #hashCode()} combines the fields' hash codes only, so it is the same in every JVM when the
 * fields' hash codes are.
 */
public class Tuple5<T0, T1, T2, T3, T4> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** Field 2. */
    public T2 f2;

    /** Field 3. */
    public T3 f3;

    /** Field 4. */
    public T4 f4;

    /** Creates a tuple with all fields null. */
    public Tuple5() {}

    /** Creates a tuple with the given fields. */
    public Tuple5(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    /** Creates a tuple with the given fields. */
    public static <T0, T1, T2, T3, T4> Tuple5<T0, T1, T2, T3, T4> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        return new Tuple5<>(f0, f1, f2, f3, f4);
    }

    /** Sets all fields. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    @Override
    public int getArity() {
        return 5;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            case 1:
                return (T) this.f1;
            case 2:
                return (T) this.f2;
            case 3:
                return (T) this.f3;
            case 4:
                return (T) this.f4;
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
            case 1:
                this.f1 = (T1) value;
                break;
            case 2:
                this.f2 = (T2) value;
                break;
            case 3:
                this.f3 = (T3) value;
                break;
            case 4:
                this.f4 = (T4) value;
                break;
            default:
                throw outOfRange(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field objects. */
    @Override
    public Tuple5<T0, T1, T2, T3, T4> copy() {
        return new Tuple5<>(this.f0, this.f1, this.f2, this.f3, this.f4);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple5)) {
            return false;
        }
        Tuple5<?, ?, ?, ?, ?> other = (Tuple5<?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2)
                && Objects.equals(f3, other.f3)
                && Objects.equals(f4, other.f4);
    }

    @Override
    public int hashCode() {
        int h = f0 == null ? 0 : f0.hashCode();
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        h = 31 * h + (f2 == null ? 0 : f2.hashCode());
        h = 31 * h + (f3 == null ? 0 : f3.hashCode());
        h = 31 * h + (f4 == null ? 0 : f4.hashCode());
        return h;
    }

    /** Formats as {@code (f0,f1,f2,f3,f4)}, null fields as {@code null}. */
    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + "," + f3 + "," + f4 + ")";
    }
}
