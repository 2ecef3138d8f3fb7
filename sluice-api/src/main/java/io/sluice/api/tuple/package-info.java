/**
 * Tuples {@code Tuple0} … {@code Tuple12}: small mutable records with public fields {@code f0},
 * {@code f1}, …, serialized field by field by {@code io.sluice.api.typeutils.TupleSerializer}.
 */
package io.sluice.api.tuple;
