/**
 * The task side of split-based sources: {@code SourceOperator}, and the reader output that assigns
 * timestamps and generates watermarks per split ({@code WatermarkingReaderOutput}).
 */
package io.sluice.runtime.source;
