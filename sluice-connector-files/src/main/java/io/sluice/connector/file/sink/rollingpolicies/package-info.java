/** Rolling policies of the {@code FileSink}: by size and time, or at every checkpoint. */
package io.sluice.connector.file.sink.rollingpolicies;
