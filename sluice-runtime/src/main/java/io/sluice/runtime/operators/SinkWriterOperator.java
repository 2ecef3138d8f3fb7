package io.sluice.runtime.operators;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommitterInitContext;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.connector.sink.SupportsWriterState;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeinfo.PrimitiveArrayTypeInfo;
import io.sluice.runtime.operators.CommittableCollector.Pending;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs one {@link SinkWriter} per subtask and, for a sink with two-phase commit
 * ({@link SupportsCommitter}), its {@link Committer}. Task thread only.
 *
 * <p>Per checkpoint N:
 *
 * <ol>
 *   <li>{@link #prepareSnapshotPreBarrier}: {@code flush(false)}, then a {@link CommittingSinkWriter}'s
 *       {@code prepareCommit()}; its committables belong to N.
 *   <li>{@link #snapshotState}: the writer's state ({@link StatefulSinkWriter}) and every committable
 *       not yet committed go into operator list state, serialized with the sink's versioned
 *       serializers ({@value #WRITER_STATE} and {@value #COMMITTABLES}).
 *   <li>{@link #notifyCheckpointComplete}(N): the committables of every checkpoint up to N are
 *       committed (an aborted checkpoint's go with the next completed one); those asking for a
 *       retry are handed over again at the next notification.
 * </ol>
 *
 * <p>On restore the writer is rebuilt from its state ({@link SupportsWriterState#restoreWriter})
 * and the restored committables are committed first, in {@link #initializeState}: they may or may
 * not have been committed before the failure, which the committer's idempotence makes safe.
 *
 * <p>At the end of input ({@link #finish}) the writer flushes and prepares its last committables.
 * They are committed at the next completed checkpoint (the job's final checkpoint) when this
 * operator has seen a checkpoint, and right away when it has not (no checkpointing: a bounded job).
 * TODO(lead): replace "has seen a checkpoint" by the job's checkpointing flag once the task passes
 * it; a checkpointed job whose input ends before its first checkpoint commits at the end of input.
 */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<IN, Object> {
    /** Operator list state holding the writer's state, one element per item of {@code snapshotState}. */
    static final String WRITER_STATE = "writer_states";
    /** Operator list state holding the committables not yet committed. */
    static final String COMMITTABLES = "committables";

    private final Sink<IN> sink;
    private final WriteContext context = new WriteContext();
    private SinkWriter<IN> writer;

    /** Null unless the sink supports a committer. */
    private Committer<Object> committer;

    private final CommittableCollector<Object> committables = new CommittableCollector<>();
    private ListState<byte[]> writerStateList;
    private ListState<byte[]> committableList;
    /** The restored writer state, or null when the task starts fresh; handed to the writer in open(). */
    private List<Object> restoredWriterState;

    private boolean checkpointSeen;
    private boolean endOfInput;

    public SinkWriterOperator(Sink<IN> sink) {
        this.sink = sink;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void initializeState(StateInitializationContext initContext) throws Exception {
        super.initializeState(initContext);
        if (sink instanceof SupportsWriterState<?, ?> stateful) {
            writerStateList = getOperatorStateBackend()
                    .getListState(new ListStateDescriptor<>(
                            WRITER_STATE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
            if (initContext.isRestored()) {
                SimpleVersionedSerializer<Object> serializer =
                        (SimpleVersionedSerializer<Object>) stateful.getWriterStateSerializer();
                restoredWriterState = new ArrayList<>();
                for (byte[] bytes : writerStateList.get()) {
                    restoredWriterState.add(decodeWriterState(bytes, serializer));
                }
            }
        }
        if (sink instanceof SupportsCommitter<?> committing) {
            committableList = getOperatorStateBackend()
                    .getListState(new ListStateDescriptor<>(
                            COMMITTABLES, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
            committer = (Committer<Object>) committing.createCommitter(new CommitterContext());
            if (initContext.isRestored()) {
                SimpleVersionedSerializer<Object> serializer =
                        (SimpleVersionedSerializer<Object>) committing.getCommittableSerializer();
                for (byte[] bytes : committableList.get()) {
                    committables.add(decodeCommittable(bytes, serializer));
                }
                // all restored committables belong to completed checkpoints (or to an end of input
                // whose final checkpoint completed): commit them before anything else
                committables.commitUpTo(CommittableCollector.END_OF_INPUT, committer, owner());
            }
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        super.open(); // runs initializeState(FRESH) when the task skipped it
        WriterInitContext initContext = new WriterContext();
        if (restoredWriterState != null && sink instanceof SupportsWriterState stateful) {
            writer = stateful.restoreWriter(initContext, restoredWriterState);
            restoredWriterState = null;
        } else {
            writer = sink.createWriter(initContext);
        }
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        context.record = record;
        writer.write(record.getValue(), context);
    }

    @Override
    public void processWatermark(WatermarkElement watermark) throws Exception {
        currentWatermark = watermark.getTimestamp();
        writer.writeWatermark(watermark.getWatermark());
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        checkpointSeen = true;
        writer.flush(false);
        prepareCommit(endOfInput ? CommittableCollector.END_OF_INPUT : checkpointId);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
        if (writerStateList != null && writer instanceof StatefulSinkWriter<?, ?> stateful) {
            SimpleVersionedSerializer<Object> serializer =
                    (SimpleVersionedSerializer<Object>) ((SupportsWriterState<?, ?>) sink).getWriterStateSerializer();
            List<byte[]> encoded = new ArrayList<>();
            for (Object state : stateful.snapshotState(checkpointId)) {
                encoded.add(encodeWriterState(state, serializer));
            }
            writerStateList.update(encoded);
        }
        if (committableList != null) {
            SimpleVersionedSerializer<Object> serializer =
                    (SimpleVersionedSerializer<Object>) ((SupportsCommitter<?>) sink).getCommittableSerializer();
            List<byte[]> encoded = new ArrayList<>();
            for (Pending<Object> p : committables.pending()) {
                encoded.add(encodeCommittable(p, serializer));
            }
            committableList.update(encoded);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committer != null) {
            committables.commitUpTo(endOfInput ? CommittableCollector.END_OF_INPUT : checkpointId, committer, owner());
        }
    }

    @Override
    public void finish() throws Exception {
        endOfInput = true;
        writer.flush(true);
        prepareCommit(CommittableCollector.END_OF_INPUT);
        if (committer != null && !checkpointSeen) {
            committables.commitUpTo(CommittableCollector.END_OF_INPUT, committer, owner());
        }
    }

    @SuppressWarnings("unchecked")
    private void prepareCommit(long checkpointId) throws Exception {
        if (committer != null && writer instanceof CommittingSinkWriter<?, ?> committing) {
            committables.add(checkpointId, (Collection<Object>) committing.prepareCommit());
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        if (writer != null) {
            SinkWriter<IN> w = writer;
            writer = null;
            try {
                w.close();
            } catch (Exception e) {
                first = e;
            }
        }
        if (committer != null) {
            Committer<Object> c = committer;
            committer = null;
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private String owner() {
        return "Sink '" + getOperatorName() + "' (" + parameters.taskInfo().getTaskNameWithSubtasks() + ")";
    }

    // ------------------------------------------------------------------ state encoding

    /** A writer state element: the serializer version, then its bytes. */
    private static byte[] encodeWriterState(Object state, SimpleVersionedSerializer<Object> serializer)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(serializer.getVersion());
            out.write(serializer.serialize(state));
        }
        return bytes.toByteArray();
    }

    private static Object decodeWriterState(byte[] bytes, SimpleVersionedSerializer<Object> serializer)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            return serializer.deserialize(version, in.readAllBytes());
        }
    }

    /** A committable element: its checkpoint id, retries, the serializer version, then its bytes. */
    private static byte[] encodeCommittable(Pending<Object> pending, SimpleVersionedSerializer<Object> serializer)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(pending.checkpointId());
            out.writeInt(pending.retries());
            out.writeInt(serializer.getVersion());
            out.write(serializer.serialize(pending.committable()));
        }
        return bytes.toByteArray();
    }

    private static Pending<Object> decodeCommittable(byte[] bytes, SimpleVersionedSerializer<Object> serializer)
            throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            long checkpointId = in.readLong();
            int retries = in.readInt();
            int version = in.readInt();
            return new Pending<>(checkpointId, serializer.deserialize(version, in.readAllBytes()), retries);
        }
    }

    // ------------------------------------------------------------------ contexts

    private final class WriteContext implements SinkWriter.Context {
        StreamRecord<IN> record;

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return record != null && record.hasTimestamp() ? record.getTimestamp() : null;
        }
    }

    private final class WriterContext implements WriterInitContext {
        @Override
        public TaskInfo getTaskInfo() {
            return parameters.taskInfo();
        }

        @Override
        public JobID getJobId() {
            return parameters.jobId();
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return parameters.userCodeClassLoader();
        }

        @Override
        public boolean isObjectReuseEnabled() {
            return parameters.executionConfig().isObjectReuseEnabled();
        }

        @Override
        public io.sluice.api.common.operators.ProcessingTimeService getProcessingTimeService() {
            ProcessingTimeService time = parameters.processingTimeService();
            return new io.sluice.api.common.operators.ProcessingTimeService() {
                @Override
                public long getCurrentProcessingTime() {
                    return time.getCurrentProcessingTime();
                }

                @Override
                public void registerTimer(long timestamp, ProcessingTimeCallback callback) {
                    time.registerTimer(timestamp, callback::onProcessingTime);
                }
            };
        }
    }

    private final class CommitterContext implements CommitterInitContext {
        @Override
        public TaskInfo getTaskInfo() {
            return parameters.taskInfo();
        }

        @Override
        public JobID getJobId() {
            return parameters.jobId();
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return parameters.userCodeClassLoader();
        }
    }
}
