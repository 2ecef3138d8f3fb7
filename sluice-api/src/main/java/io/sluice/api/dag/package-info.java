/** The transformations the DataStream API records (sources, one- and two-input operators, partitioning, union, side outputs, sinks) and the operator specs the runtime turns into operators. */
package io.sluice.api.dag;
