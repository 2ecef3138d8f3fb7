package io.sluice.runtime.tasks;

import io.sluice.runtime.checkpoint.CheckpointMetrics;
import io.sluice.runtime.checkpoint.CheckpointStorageLocation;
import io.sluice.runtime.checkpoint.TaskCheckpointSettings;
import io.sluice.runtime.checkpoint.TaskStateSnapshot;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.network.api.CheckpointBarrier;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.CheckpointStreamFactory;
import io.sluice.runtime.state.FsCheckpointStreamFactory;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.taskmanager.TaskManagerActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's side of checkpoints. On the task thread: the operators emit what belongs before the
 * barrier, the barrier goes to every output, and each operator captures its state (the synchronous
 * part). On the subtask's snapshot thread: the state is written and the JobMaster gets the
 * acknowledgement with the handles, or a decline with the reason.
 *
 * <p>After end of input (with checkpointing on) the task does not finish at once: it waits until a
 * checkpoint it took after the end completes, so that its final state (a sink's last
 * committables, say) is in a completed checkpoint before it goes.
 */
final class SubtaskCheckpointer {
    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointer.class);

    private final String taskName;
    private final ExecutionAttemptID attemptId;
    private final TaskCheckpointSettings settings;
    private final OperatorChain chain;
    private final List<RecordWriter<StreamElement>> writers;
    private final TaskManagerActions actions;

    // Task thread.
    private ExecutorService snapshotThread;
    private long lastCheckpointId = -1;
    private boolean endOfInput;
    /** The first checkpoint taken after the end of input; -1 before. */
    private long firstCheckpointAfterEnd = -1;

    private boolean finalCheckpointDone;

    SubtaskCheckpointer(
            String taskName,
            ExecutionAttemptID attemptId,
            TaskCheckpointSettings settings,
            OperatorChain chain,
            List<RecordWriter<StreamElement>> writers,
            TaskManagerActions actions) {
        this.taskName = taskName;
        this.attemptId = attemptId;
        this.settings = settings;
        this.chain = chain;
        this.writers = writers;
        this.actions = actions;
    }

    /**
     * Takes this subtask's part of checkpoint {@code checkpointId} (task thread). A checkpoint not
     * newer than the last one taken is ignored: a task reached by a barrier and by a direct trigger
     * takes it once.
     */
    void checkpoint(long checkpointId, long timestamp, long alignmentNanos) throws Exception {
        if (checkpointId <= lastCheckpointId) {
            return;
        }
        lastCheckpointId = checkpointId;
        long start = System.nanoTime();
        Map<OperatorID, OperatorSnapshot> snapshots;
        try {
            chain.prepareSnapshotPreBarrier(checkpointId);
        } catch (Exception e) {
            decline(checkpointId, e);
            return;
        }
        if (!endOfInput) {
            CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp);
            for (RecordWriter<StreamElement> w : writers) {
                w.broadcastEvent(barrier); // a failure here fails the task: the stream would be broken
            }
        } else if (firstCheckpointAfterEnd < 0) {
            firstCheckpointAfterEnd = checkpointId;
        }
        try {
            snapshots = chain.snapshotState(checkpointId, timestamp);
        } catch (Exception e) {
            decline(checkpointId, e);
            return;
        }
        long syncNanos = System.nanoTime() - start;
        CheckpointStreamFactory streams = streamFactory(checkpointId);
        snapshotThread()
                .execute(() -> writeAndAcknowledge(checkpointId, snapshots, streams, alignmentNanos, syncNanos));
    }

    private void writeAndAcknowledge(
            long checkpointId,
            Map<OperatorID, OperatorSnapshot> snapshots,
            CheckpointStreamFactory streams,
            long alignmentNanos,
            long syncNanos) {
        long start = System.nanoTime();
        Map<OperatorID, OperatorSubtaskState> states = new LinkedHashMap<>();
        try {
            for (Map.Entry<OperatorID, OperatorSnapshot> e : snapshots.entrySet()) {
                states.put(e.getKey(), e.getValue().write(streams));
            }
        } catch (Throwable t) {
            for (OperatorSubtaskState written : new ArrayList<>(states.values())) {
                try {
                    written.discardState();
                } catch (Exception discard) {
                    t.addSuppressed(discard);
                }
            }
            decline(checkpointId, t);
            return;
        }
        TaskStateSnapshot snapshot = new TaskStateSnapshot(states);
        CheckpointMetrics metrics =
                new CheckpointMetrics(alignmentNanos, syncNanos, System.nanoTime() - start, snapshot.getStateSize());
        actions.acknowledgeCheckpoint(attemptId, checkpointId, metrics, snapshot);
    }

    private void decline(long checkpointId, Throwable cause) {
        LOG.info("{} declines checkpoint {}: {}", taskName, checkpointId, cause.toString());
        actions.declineCheckpoint(attemptId, checkpointId, cause);
    }

    /** The barrier alignment of {@code checkpointId} was given up here. */
    void declineOnBarrier(long checkpointId, String reason) {
        lastCheckpointId = Math.max(lastCheckpointId, checkpointId);
        decline(checkpointId, new IllegalStateException(reason));
    }

    private CheckpointStreamFactory streamFactory(long checkpointId) {
        CheckpointStorageLocation location = settings.locationOf(checkpointId);
        if (location.isInMemory()) {
            return new MemoryCheckpointStreamFactory();
        }
        return new FsCheckpointStreamFactory(Path.of(location.directory()), location.inlineThreshold(), taskName);
    }

    private ExecutorService snapshotThread() {
        if (snapshotThread == null) {
            ThreadPoolExecutor executor =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "snapshot " + taskName);
                        t.setDaemon(true);
                        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
                        return t;
                    });
            snapshotThread = executor;
        }
        return snapshotThread;
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        chain.notifyCheckpointComplete(checkpointId);
        if (firstCheckpointAfterEnd >= 0 && checkpointId >= firstCheckpointAfterEnd) {
            finalCheckpointDone = true;
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        chain.notifyCheckpointAborted(checkpointId);
    }

    /** The inputs ended and the operators finished: tell the JobMaster, then wait for a final checkpoint. */
    void endOfInput() {
        endOfInput = true;
        actions.notifyEndOfInput(attemptId);
    }

    boolean isFinalCheckpointDone() {
        return finalCheckpointDone;
    }

    /**
     * Stops the snapshot thread. After a normal end ({@code drain}) the writes already taken finish
     * and are acknowledged first: a finished task must not leave a checkpoint waiting for it. After
     * a failure or cancellation a write in progress is interrupted (its checkpoint is aborted
     * anyway).
     */
    void close(boolean drain) throws InterruptedException {
        if (snapshotThread == null) {
            return;
        }
        if (!drain) {
            snapshotThread.shutdownNow();
            return;
        }
        snapshotThread.shutdown();
        if (!snapshotThread.awaitTermination(5, TimeUnit.MINUTES)) {
            LOG.warn("{}: a checkpoint write did not end within 5 minutes; interrupting it", taskName);
            snapshotThread.shutdownNow();
        }
    }
}
