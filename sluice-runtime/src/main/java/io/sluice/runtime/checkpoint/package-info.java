/**
 * Checkpoints as the JobMaster sees them: {@link io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration}
 * (how a job checkpoints, from its configuration) and
 * {@link io.sluice.runtime.checkpoint.CheckpointStatsTracker} (what the coordinator reports about each
 * checkpoint, summed up as a {@link io.sluice.runtime.checkpoint.CheckpointStatsSnapshot} for the
 * REST API). Both are owned by the JobMaster's main thread.
 */
package io.sluice.runtime.checkpoint;
