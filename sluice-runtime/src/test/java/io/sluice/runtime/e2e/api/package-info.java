/**
 * End-to-end tests of the DataStream API on an embedded MiniCluster: every operator and
 * partitioner, chaining on and off, parallelism 1 and 4, with exact expected outputs computed in
 * the test. {@link io.sluice.runtime.e2e.api.SubtaskSink} records which subtask received what.
 */
package io.sluice.runtime.e2e.api;
