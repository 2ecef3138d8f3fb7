/**
 * Stream operators (map, filter, process, keyed aggregations, co-operators, sink writers,
 * timestamps and watermarks), their outputs and parameters.
 */
package io.sluice.runtime.operators;
