/** The sink interface: one {@code SinkWriter} per parallel subtask. */
package io.sluice.api.connector.sink;
