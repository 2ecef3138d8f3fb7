/**
 * Serialization: the {@link io.sluice.api.typeutils.TypeSerializer} contract and the byte views it
 * writes to and reads from, the composite serializers (tuples, records, POJOs, collections, the
 * generic Fory fallback) and {@link io.sluice.api.typeutils.FieldAccessor}s used by aggregations.
 */
package io.sluice.api.typeutils;
