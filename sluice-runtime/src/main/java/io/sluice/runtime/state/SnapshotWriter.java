package io.sluice.runtime.state;

/**
 * The asynchronous part of a snapshot. The synchronous part ran on the task thread and captured
 * the cut; this writes it out (on a snapshot thread, while the task goes on processing) and
 * returns the handle, or null when there was nothing to write.
 */
@FunctionalInterface
public interface SnapshotWriter<H> {
    H write(CheckpointStreamFactory streams) throws Exception;
}
