package io.sluice.runtime.checkpoint;

import java.io.Serializable;

/**
 * How one subtask's part of a checkpoint went.
 *
 * @param alignmentNanos from the first barrier to the last one (0 for sources and at-least-once)
 * @param syncNanos the synchronous part on the task thread
 * @param asyncNanos writing the state out
 * @param stateSize bytes written
 */
public record CheckpointMetrics(long alignmentNanos, long syncNanos, long asyncNanos, long stateSize)
        implements Serializable {}
