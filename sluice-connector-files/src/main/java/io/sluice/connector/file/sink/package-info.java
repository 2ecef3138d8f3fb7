/**
 * File sinks. {@link io.sluice.connector.file.sink.TextFileSink} writes plain text, one file per
 * subtask attempt, without transactions (the exactly-once file sink comes later).
 */
package io.sluice.connector.file.sink;
