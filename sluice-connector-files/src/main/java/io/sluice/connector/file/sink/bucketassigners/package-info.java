/** Bucket assigners of the {@code FileSink}: by processing time, or everything in the base path. */
package io.sluice.connector.file.sink.bucketassigners;
