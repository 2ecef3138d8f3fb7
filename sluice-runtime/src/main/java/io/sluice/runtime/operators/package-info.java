/** Stream operators (map, filter, process, keyed aggregations, co-operators, sink writers), their outputs and parameters. */
package io.sluice.runtime.operators;
