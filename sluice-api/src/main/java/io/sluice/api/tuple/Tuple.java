package io.sluice.api.tuple;

import java.io.Serializable;

/**
 * The base of {@link Tuple0} … {@link Tuple12}: fixed-arity, mutable records with public fields
 * {@code f0}, {@code f1}, … addressed by position.
 *
 * <p>Thread: a tuple belongs to the thread that holds it; it has no synchronization. Contract:
 * {@link #getField(int)} and {@link #setField(Object, int)} accept positions {@code 0 ..
 * getArity()-1} and throw {@link IndexOutOfBoundsException} otherwise.
 */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest arity with a tuple class. */
    public static final int MAX_ARITY = 12;

    private static final Class<?>[] CLASSES = {
        Tuple0.class,
        Tuple1.class,
        Tuple2.class,
        Tuple3.class,
        Tuple4.class,
        Tuple5.class,
        Tuple6.class,
        Tuple7.class,
        Tuple8.class,
        Tuple9.class,
        Tuple10.class,
        Tuple11.class,
        Tuple12.class
    };

    /** The number of fields. */
    public abstract int getArity();

    /** The field at {@code pos}. */
    public abstract <T> T getField(int pos);

    /** Sets the field at {@code pos}. */
    public abstract <T> void setField(T value, int pos);

    /** A shallow copy: a new tuple of the same class holding the same field objects. */
    public abstract Tuple copy();

    /** The tuple class with the given number of fields. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException(
                    "There is no tuple class with " + arity + " fields; arities 0 to " + MAX_ARITY + " exist.");
        }
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A new tuple with the given number of fields, all null (no reflection). */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 0:
                return Tuple0.INSTANCE;
            case 1:
                return new Tuple1<>();
            case 2:
                return new Tuple2<>();
            case 3:
                return new Tuple3<>();
            case 4:
                return new Tuple4<>();
            case 5:
                return new Tuple5<>();
            case 6:
                return new Tuple6<>();
            case 7:
                return new Tuple7<>();
            case 8:
                return new Tuple8<>();
            case 9:
                return new Tuple9<>();
            case 10:
                return new Tuple10<>();
            case 11:
                return new Tuple11<>();
            case 12:
                return new Tuple12<>();
            default:
                throw new IllegalArgumentException(
                        "There is no tuple class with " + arity + " fields; arities 0 to " + MAX_ARITY + " exist.");
        }
    }

    /** The exception for a position outside {@code [0, getArity())}. */
    protected final IndexOutOfBoundsException outOfRange(int pos) {
        return new IndexOutOfBoundsException("Position " + pos + " is not a field of "
                + getClass().getSimpleName() + " (valid positions: 0 to " + (getArity() - 1) + ")");
    }
}
