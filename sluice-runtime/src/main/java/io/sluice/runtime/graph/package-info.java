/** From transformations to the stream graph, and from the stream graph (with operator chaining) to the job graph and per-vertex task configuration. */
package io.sluice.runtime.graph;
