package io.sluice.runtime.source.coordinator;

import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.source.event.ReaderRegistrationEvent;
import io.sluice.runtime.source.event.RequestSplitEvent;
import io.sluice.runtime.source.event.SourceEventWrapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's {@link SplitEnumerator} on the JobMaster and translates between the enumerator
 * and the source's readers (the event protocol of {@code io.sluice.runtime.source.event}).
 *
 * <pre>
 *   reader (task)                    SourceCoordinator (coordinator thread)      enumerator
 *   ReaderRegistrationEvent  ──────► record ReaderInfo ─────────────────────────► addReader
 *   RequestSplitEvent        ──────► ───────────────────────────────────────────► handleSplitRequest
 *   SourceEventWrapper       ──────► ───────────────────────────────────────────► handleSourceEvent
 *   AddSplitEvent            ◄────── serialize + remember per subtask ◄────────── assignSplits
 *   NoMoreSplitsEvent        ◄────── ◄─────────────────────────────────────────── signalNoMoreSplits
 *   (attempt failed)                 take back the subtask's splits ────────────► addSplitsBack
 * </pre>
 *
 * <p>Threading: the JobMaster calls every method on the coordinator thread, and the enumerator is
 * only ever called there (its async work comes back through {@code runInCoordinatorThread}), so
 * nothing here is locked. Lifecycle: {@code CREATED → STARTED → CLOSED} (or {@code CREATED →
 * CLOSED}); events before {@link #start()} or after {@link #close()} are errors.
 *
 * <p>Failures: an exception from the enumerator propagates to the caller, which fails the job, with
 * the source named; failures in asynchronous handlers fail the job through the context.
 *
 * <p>Checkpoints: the enumerator's state is taken before the tasks are triggered and restored
 * through {@link #resetToCheckpoint}; every failure restarts the whole job from the latest
 * checkpoint, so splits handed out since then are handed out again by the restored enumerator.
 * Without checkpoints every split ever assigned to a subtask goes back to the enumerator when that
 * subtask's attempt fails.
 */
public final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements OperatorCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinator.class);

    /** CREATED → STARTED → CLOSED, or CREATED → CLOSED. */
    enum State {
        CREATED,
        STARTED,
        CLOSED
    }

    private final String sourceName;
    private final OperatorCoordinator.Context context;
    private final Source<?, SplitT, EnumChkT> source;
    private final SourceCoordinatorContext<SplitT> enumeratorContext;

    private SplitEnumerator<SplitT, EnumChkT> enumerator;
    private State state = State.CREATED;
    private byte[] restoredState;
    private long restoredCheckpointId = -1;

    public SourceCoordinator(
            String sourceName, OperatorCoordinator.Context context, Source<?, SplitT, EnumChkT> source) {
        this.sourceName = sourceName;
        this.context = context;
        this.source = source;
        this.enumeratorContext = new SourceCoordinatorContext<>(sourceName, context, source.getSplitSerializer());
    }

    private String describe() {
        return "source '" + sourceName + "' (operator " + context.getOperatorId() + ")";
    }

    private void transitionTo(State next) {
        boolean allowed =
                switch (next) {
                    case CREATED -> false;
                    case STARTED -> state == State.CREATED;
                    case CLOSED -> state != State.CLOSED;
                };
        if (!allowed) {
            throw new IllegalStateException(
                    "Coordinator of " + describe() + " cannot go from " + state + " to " + next);
        }
        LOG.debug("Coordinator of {}: {} -> {}", describe(), state, next);
        state = next;
    }

    private void checkStarted(Object what) {
        if (state != State.STARTED) {
            throw new IllegalStateException(
                    "Coordinator of " + describe() + " got " + what + " while " + state + "; it must be started first");
        }
    }

    @Override
    public void start() throws Exception {
        transitionTo(State.STARTED);
        try {
            if (restoredState != null) {
                SimpleVersionedSerializer<EnumChkT> serializer = source.getEnumeratorCheckpointSerializer();
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(restoredState);
                int version = buffer.getInt();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                EnumChkT checkpoint = serializer.deserialize(version, bytes);
                enumerator = source.restoreEnumerator(enumeratorContext, checkpoint);
                LOG.info("Restored the split enumerator of {} from checkpoint {}", describe(), restoredCheckpointId);
            } else {
                enumerator = source.createEnumerator(enumeratorContext);
            }
            enumerator.start();
        } catch (Exception e) {
            throw new Exception("Could not start the split enumerator of " + describe() + ": " + e.getMessage(), e);
        }
        LOG.info("Started the split enumerator of {} at parallelism {}", describe(), context.currentParallelism());
    }

    @Override
    public void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {
        checkStarted(event);
        if (event instanceof RequestSplitEvent request) {
            enumerator.handleSplitRequest(subtask, request.hostName());
        } else if (event instanceof ReaderRegistrationEvent registration) {
            if (registration.subtaskId() != subtask) {
                throw new IllegalArgumentException("Coordinator of " + describe() + ": subtask " + subtask
                        + " registered a reader for subtask " + registration.subtaskId());
            }
            enumeratorContext.registerReader(subtask, attemptNumber, registration.location());
            enumerator.addReader(subtask);
        } else if (event instanceof SourceEventWrapper wrapper) {
            enumerator.handleSourceEvent(subtask, wrapper.sourceEvent());
        } else {
            throw new IllegalArgumentException("Coordinator of " + describe() + " got an unknown event from subtask "
                    + subtask + ": " + event + "; readers and coordinator from different versions?");
        }
    }

    @Override
    public void subtaskReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
        checkStarted("subtaskReady(" + subtask + ")");
        enumeratorContext.subtaskReady(subtask, attemptNumber, gateway);
    }

    @Override
    public void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        if (state != State.STARTED) {
            return;
        }
        List<SplitT> splitsBack = enumeratorContext.attemptFailed(subtask, attemptNumber);
        if (!splitsBack.isEmpty()) {
            LOG.info("Subtask {} of {} failed; returning its {} splits", subtask, describe(), splitsBack.size());
            enumerator.addSplitsBack(splitsBack, subtask);
        }
    }

    /** The enumerator's checkpoint: the serializer's version (4 bytes), then its bytes. */
    @Override
    public byte[] checkpointCoordinator(long checkpointId) throws Exception {
        checkStarted("checkpoint " + checkpointId);
        EnumChkT checkpoint = enumerator.snapshotState(checkpointId);
        SimpleVersionedSerializer<EnumChkT> serializer = source.getEnumeratorCheckpointSerializer();
        byte[] bytes = serializer.serialize(checkpoint);
        return java.nio.ByteBuffer.allocate(4 + bytes.length)
                .putInt(serializer.getVersion())
                .put(bytes)
                .array();
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
        if (state != State.CREATED) {
            throw new IllegalStateException("Coordinator of " + describe() + " can only be reset before it starts");
        }
        restoredCheckpointId = checkpointId;
        restoredState = checkpointData;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (state == State.STARTED) {
            enumerator.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        if (state == State.CLOSED) {
            return;
        }
        transitionTo(State.CLOSED);
        try {
            if (enumerator != null) {
                enumerator.close();
            }
        } finally {
            enumeratorContext.close();
        }
    }
}
