/**
 * Record formats for the {@link io.sluice.connector.file.src.FileSource}:
 * {@link io.sluice.connector.file.src.reader.StreamFormat} and the built-in
 * {@link io.sluice.connector.file.src.reader.TextLineInputFormat}.
 */
package io.sluice.connector.file.src.reader;
