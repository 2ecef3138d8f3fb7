package io.sluice.api.tuple;

import java.util.Objects;

/**
 * A tuple with 12 fields, {@code f0}, {@code f1}, {@code f2}, {@code f3}, {@code f4}, {@code f5}, {@code f6}, {@code f7}, {@code f8}, {@code f9}, {@code f10}, {@code f11}.
 *
 * <p>Mutable and not thread-safe: it belongs to the thread that created or received it. The fields
 * are public so user code and serializers reach them without calls. Equal fields mean equal tuples;
 * {@link #hashCode()} combines the fields' hash codes only, so it is the same in every JVM when the
 * fields' hash codes are.
 */
public class Tuple12<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> extends Tuple {
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

    /** Field 5. */
    public T5 f5;

    /** Field 6. */
    public T6 f6;

    /** Field 7. */
    public T7 f7;

    /** Field 8. */
    public T8 f8;

    /** Field 9. */
    public T9 f9;

    /** Field 10. */
    public T10 f10;

    /** Field 11. */
    public T11 f11;

    /** Creates a tuple with all fields null. */
    public Tuple12() {}

    /** Creates a tuple with the given fields. */
    public Tuple12(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
    }

    /** Creates a tuple with the given fields. */
    public static <T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>
            Tuple12<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> of(
                    T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11) {
        return new Tuple12<>(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11);
    }

    /** Sets all fields. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
    }

    @Override
    public int getArity() {
        return 12;
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
            case 5:
                return (T) this.f5;
            case 6:
                return (T) this.f6;
            case 7:
                return (T) this.f7;
            case 8:
                return (T) this.f8;
            case 9:
                return (T) this.f9;
            case 10:
                return (T) this.f10;
            case 11:
                return (T) this.f11;
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
            case 5:
                this.f5 = (T5) value;
                break;
            case 6:
                this.f6 = (T6) value;
                break;
            case 7:
                this.f7 = (T7) value;
                break;
            case 8:
                this.f8 = (T8) value;
                break;
            case 9:
                this.f9 = (T9) value;
                break;
            case 10:
                this.f10 = (T10) value;
                break;
            case 11:
                this.f11 = (T11) value;
                break;
            default:
                throw outOfRange(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field objects. */
    @Override
    public Tuple12<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> copy() {
        return new Tuple12<>(
                this.f0, this.f1, this.f2, this.f3, this.f4, this.f5, this.f6, this.f7, this.f8, this.f9, this.f10,
                this.f11);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple12)) {
            return false;
        }
        Tuple12<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> other = (Tuple12<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2)
                && Objects.equals(f3, other.f3)
                && Objects.equals(f4, other.f4)
                && Objects.equals(f5, other.f5)
                && Objects.equals(f6, other.f6)
                && Objects.equals(f7, other.f7)
                && Objects.equals(f8, other.f8)
                && Objects.equals(f9, other.f9)
                && Objects.equals(f10, other.f10)
                && Objects.equals(f11, other.f11);
    }

    @Override
    public int hashCode() {
        int h = f0 == null ? 0 : f0.hashCode();
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        h = 31 * h + (f2 == null ? 0 : f2.hashCode());
        h = 31 * h + (f3 == null ? 0 : f3.hashCode());
        h = 31 * h + (f4 == null ? 0 : f4.hashCode());
        h = 31 * h + (f5 == null ? 0 : f5.hashCode());
        h = 31 * h + (f6 == null ? 0 : f6.hashCode());
        h = 31 * h + (f7 == null ? 0 : f7.hashCode());
        h = 31 * h + (f8 == null ? 0 : f8.hashCode());
        h = 31 * h + (f9 == null ? 0 : f9.hashCode());
        h = 31 * h + (f10 == null ? 0 : f10.hashCode());
        h = 31 * h + (f11 == null ? 0 : f11.hashCode());
        return h;
    }

    /** Formats as {@code (f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11)}, null fields as {@code null}. */
    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + "," + f3 + "," + f4 + "," + f5 + "," + f6 + "," + f7 + "," + f8 + ","
                + f9 + "," + f10 + "," + f11 + ")";
    }
}
