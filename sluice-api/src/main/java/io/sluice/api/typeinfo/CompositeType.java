package io.sluice.api.typeinfo;

import java.util.Arrays;

/**
 * A type made of named, positioned fields: tuples ({@code f0}, {@code f1}, …), records (component
 * names, declaration order) and POJOs (field names, sorted). Field accessors and key expressions
 * address fields through it. Immutable; any thread.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    /** The field names, in field order. */
    public abstract String[] getFieldNames();

    /** The type of the field at {@code pos}. */
    public abstract TypeInformation<?> getTypeAt(int pos);

    /** The position of the named field, or -1 if there is none. */
    public int getFieldIndex(String fieldName) {
        String[] names = getFieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getTotalFields() {
        int total = 0;
        for (int i = 0; i < getArity(); i++) {
            total += getTypeAt(i).getTotalFields();
        }
        return total;
    }

    @Override
    public boolean isKeyType() {
        for (int i = 0; i < getArity(); i++) {
            if (!getTypeAt(i).isKeyType()) {
                return false;
            }
        }
        return true;
    }

    /** Formats as {@code Name(a: String, b: Long)}. */
    protected String describeFields(String name) {
        StringBuilder sb = new StringBuilder(name).append('(');
        String[] names = getFieldNames();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append(": ").append(getTypeAt(i));
        }
        return sb.append(')').toString();
    }

    /** The available field names joined with ", ", for error messages. */
    public String describeFieldNames() {
        return String.join(", ", Arrays.asList(getFieldNames()));
    }
}
