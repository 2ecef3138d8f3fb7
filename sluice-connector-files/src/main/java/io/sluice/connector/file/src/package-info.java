/**
 * The bounded {@link io.sluice.connector.file.src.FileSource}: the enumerator lists the given files
 * and directories once, one split per file, and readers read the files' records with a
 * {@link io.sluice.connector.file.src.reader.StreamFormat}.
 */
package io.sluice.connector.file.src;
