package io.sluice.runtime.tasks;

import io.sluice.runtime.network.api.CheckpointBarrier;

/**
 * Follows the barriers over all input channels of a task (all its gates, numbered globally) and
 * says when a checkpoint is due.
 *
 * <p>Exactly-once (aligned): the first barrier n starts the alignment; each channel that delivered
 * barrier n is blocked (its data waits, see {@link #isBlocked}) until barrier n arrived on every
 * channel that has not ended; then the checkpoint is due and every channel is unblocked. A newer
 * barrier during an alignment abandons the older checkpoint. At-least-once: nothing is blocked;
 * the checkpoint is due when the last channel delivered its barrier.
 *
 * <p>A channel that ended (end of partition) counts as aligned for every later checkpoint. Task
 * thread only.
 */
final class CheckpointBarrierHandler {
    /** What the handler asks of the task. */
    interface Actions {
        /** All barriers of {@code barrier}'s checkpoint arrived: snapshot now. */
        void triggerCheckpointOnBarrier(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

        /** The alignment of {@code checkpointId} was given up for {@code reason}. */
        void abortCheckpointOnBarrier(long checkpointId, String reason) throws Exception;

        /** Blocked channels were unblocked: what they held back may be read again. */
        void channelsUnblocked();
    }

    private final boolean aligned;
    private final boolean[] blocked;
    private final boolean[] received;
    private final boolean[] ended;
    private final Actions actions;

    private int numEnded;
    /** The checkpoint being aligned, or the last one completed or aborted here. */
    private long currentCheckpointId = -1;

    private CheckpointBarrier pending;
    /** Channels that delivered the pending barrier or ended. */
    private int numDone;

    private long alignmentStartNanos;

    CheckpointBarrierHandler(int numberOfChannels, boolean aligned, Actions actions) {
        this.aligned = aligned;
        this.blocked = new boolean[numberOfChannels];
        this.received = new boolean[numberOfChannels];
        this.ended = new boolean[numberOfChannels];
        this.actions = actions;
    }

    boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /** Whether an alignment is in progress (some channels may be blocked). */
    boolean isAligning() {
        return pending != null;
    }

    void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
        long id = barrier.getId();
        if (id < currentCheckpointId || (id == currentCheckpointId && pending == null)) {
            return; // a checkpoint completed or abandoned here already
        }
        if (id > currentCheckpointId) {
            if (pending != null) {
                long old = currentCheckpointId;
                reset();
                actions.abortCheckpointOnBarrier(
                        old,
                        "barrier of newer checkpoint " + id + " arrived before the alignment of " + old + " ended");
            }
            currentCheckpointId = id;
            pending = barrier;
            alignmentStartNanos = System.nanoTime();
        }
        if (received[channel]) {
            throw new IllegalStateException("Channel " + channel + " delivered barrier " + id + " twice");
        }
        received[channel] = true;
        if (!ended[channel]) {
            numDone++;
        }
        if (aligned) {
            blocked[channel] = true;
        }
        completeIfAligned();
    }

    void processEndOfPartition(int channel) throws Exception {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        numEnded++;
        if (!received[channel]) {
            numDone++;
        }
        completeIfAligned();
    }

    private void completeIfAligned() throws Exception {
        if (pending == null || numDone < blocked.length) {
            return;
        }
        CheckpointBarrier barrier = pending;
        long alignmentNanos = aligned ? System.nanoTime() - alignmentStartNanos : 0;
        reset();
        actions.triggerCheckpointOnBarrier(barrier, alignmentNanos);
    }

    /** The coordinator aborted {@code checkpointId}: stop aligning for it (and older ones). */
    void abort(long checkpointId) {
        if (pending != null && checkpointId >= currentCheckpointId) {
            reset();
        }
        currentCheckpointId = Math.max(currentCheckpointId, checkpointId);
    }

    private void reset() {
        pending = null;
        numDone = numEnded;
        java.util.Arrays.fill(received, false);
        if (aligned) {
            java.util.Arrays.fill(blocked, false);
            actions.channelsUnblocked();
        }
    }
}
