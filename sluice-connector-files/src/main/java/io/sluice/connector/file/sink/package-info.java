/**
 * File sinks. {@link io.sluice.connector.file.sink.FileSink} is the exactly-once sink (buckets,
 * rolling policies, part files published by a committer when their checkpoint completes);
 * {@link io.sluice.connector.file.sink.TextFileSink} writes plain text, one file per subtask attempt,
 * without transactions.
 */
package io.sluice.connector.file.sink;
