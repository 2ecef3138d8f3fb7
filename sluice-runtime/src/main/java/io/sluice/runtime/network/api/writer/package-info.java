/** The producing task's entry to the data plane: {@link io.sluice.runtime.network.api.writer.RecordWriter}. */
package io.sluice.runtime.network.api.writer;
