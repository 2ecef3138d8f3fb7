/**
 * The sink interface: one {@code SinkWriter} per parallel subtask; sinks with writer state
 * ({@code SupportsWriterState}) and two-phase commit ({@code SupportsCommitter},
 * {@code CommittingSinkWriter}, {@code Committer}) for exactly-once output.
 */
package io.sluice.api.connector.sink;
