package io.sluice.api.typeutils;

import io.sluice.api.typeinfo.TypeInformation;
import java.io.Serializable;

/**
 * Reads and writes one field of a record, for aggregations such as {@code sum(1)},
 * {@code max("count")} or {@code minBy("price")}. Obtained from {@link FieldAccessors}.
 *
 * <p>Threading: accessors are stateless after construction and may be shared; they travel inside
 * the job graph (Serializable). Contract: {@link #set} returns the updated record, which is the
 * same object for tuples and POJOs, a new instance for Java records (immutable), and the value
 * itself when the "field" is the whole value of a basic type.
 */
public interface FieldAccessor<T, F> extends Serializable {
    /** The field's value. */
    F get(T record);

    /** Sets the field; returns the updated record (see the class contract). */
    T set(T record, F value);

    /** The field's type. */
    TypeInformation<F> getFieldType();
}
