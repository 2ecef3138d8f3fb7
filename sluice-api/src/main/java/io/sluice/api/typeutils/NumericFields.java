package io.sluice.api.typeutils;

import io.sluice.api.typeinfo.TypeInformation;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic and comparison on boxed field values, for the {@code sum}/{@code min}/{@code max}
 * aggregations (the runtime's aggregators call these with values read through a
 * {@link FieldAccessor}). Stateless; any thread.
 */
public final class NumericFields {
    private NumericFields() {}

    /** True if values of the type can be added with {@link #add}. */
    public static boolean isSummable(TypeInformation<?> type) {
        Class<?> c = type.getTypeClass();
        return c == Long.class
                || c == Integer.class
                || c == Short.class
                || c == Byte.class
                || c == Double.class
                || c == Float.class
                || c == BigInteger.class
                || c == BigDecimal.class;
    }

    /** True if values of the type can be compared with {@link #compare}. */
    public static boolean isComparable(TypeInformation<?> type) {
        return Comparable.class.isAssignableFrom(type.getTypeClass());
    }

    /**
     * {@code a + b} for two values of the same numeric class (Long, Integer, Short, Byte, Double,
     * Float, BigInteger, BigDecimal). Integer types wrap on overflow like Java arithmetic.
     */
    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return x + y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x + y;
        }
        if (a instanceof Short x && b instanceof Short y) {
            return (short) (x + y);
        }
        if (a instanceof Byte x && b instanceof Byte y) {
            return (byte) (x + y);
        }
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.add(y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.add(y);
        }
        throw new IllegalArgumentException("Cannot add " + describe(a) + " and " + describe(b)
                + ": sum works on fields of one numeric type (Long, Integer, Short, Byte, Double, Float, BigInteger, "
                + "BigDecimal)");
    }

    /** Compares two values of the same Comparable class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw new IllegalArgumentException("Cannot compare " + describe(a) + " with " + describe(b)
                + ": min/max work on fields of one Comparable type");
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }
}
