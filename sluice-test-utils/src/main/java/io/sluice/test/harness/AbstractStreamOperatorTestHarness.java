package io.sluice.test.harness;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.StateInitializationContext;
import io.sluice.runtime.operators.StreamOperator;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.operators.timers.InternalTimerServiceImpl;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import io.sluice.runtime.tasks.mailbox.Mail;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs one operator outside a task, step by step on the calling thread, which plays the task
 * thread: the test feeds elements and watermarks, moves processing time, and reads what the
 * operator emitted. Subclasses add the input methods for one or two inputs; the keyed ones give the
 * operator a key selector, so it gets a keyed state backend and the key of each element, exactly as
 * a task does.
 *
 * <p>Life cycle: construct, optionally {@link #setup()}, optionally {@link
 * #initializeState(OperatorRestore)} (restore what {@link #snapshot} of another harness returned;
 * fresh state otherwise), {@link #open()} (sets up if needed), then
 * elements, watermarks and {@link #setProcessingTime} in any order, optionally {@link #endInput()}
 * (the end of a bounded input: the operator flushes what it buffered), and {@link #close()}.
 *
 * <p>Threading and time: everything runs on the calling thread. Processing time is a
 * {@link ManualProcessingTimeService} that starts at 0 and moves only with {@link #setProcessingTime};
 * callbacks the operator registered for a time up to the new one run inside that call, in time
 * order. Actions the operator hands to its mailbox run at the end of the step that posted them.
 *
 * <p>Output: {@link #getOutput()} holds, in emission order, a copy of each emitted
 * {@link StreamRecord} (value and timestamp), each forwarded {@link Watermark} and each
 * {@link WatermarkStatus}. The record is
 * copied because operators reuse record objects; the value itself is not copied, so an operator
 * that mutates an emitted value after emitting it changes what the harness holds.
 *
 * @param <OUT> the operator's output type
 */
public abstract class AbstractStreamOperatorTestHarness<OUT> implements AutoCloseable {
    private enum State {
        CREATED,
        SET_UP,
        OPEN,
        CLOSED
    }

    protected final StreamOperator<OUT> operator;

    private final TaskInfo taskInfo;
    private final ExecutionConfig executionConfig = new ExecutionConfig();
    private final ManualProcessingTimeService processingTimeService = new ManualProcessingTimeService();
    private final ArrayDeque<Mail> mailbox = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Object> outputList = new ConcurrentLinkedQueue<>();
    private final Map<OutputTag<?>, ConcurrentLinkedQueue<StreamRecord<?>>> sideOutputLists = new LinkedHashMap<>();
    private final List<OperatorEvent> sentOperatorEvents = new ArrayList<>();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final List<KeySelector<?, ?>> keySelectors;
    private State state = State.CREATED;
    private boolean stateInitialized;

    /**
     * @param operator the operator to run (for example from {@link OperatorFactory#create})
     * @param keySelectors the key selector per input for a keyed operator, else empty
     * @param maxParallelism the number of key groups
     * @param parallelism the number of parallel subtasks the operator believes it has
     * @param subtaskIndex which of them it is; a keyed operator owns that subtask's key groups
     */
    protected AbstractStreamOperatorTestHarness(
            StreamOperator<OUT> operator,
            List<KeySelector<?, ?>> keySelectors,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        if (operator == null) {
            throw new IllegalArgumentException("The operator must not be null");
        }
        if (parallelism < 1 || maxParallelism < parallelism || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("Need 1 <= parallelism <= maxParallelism and 0 <= subtaskIndex"
                    + " < parallelism, got maxParallelism=" + maxParallelism + ", parallelism=" + parallelism
                    + ", subtaskIndex=" + subtaskIndex);
        }
        if (!keySelectors.isEmpty() && !(operator instanceof AbstractStreamOperator<?>)) {
            throw new IllegalArgumentException("A keyed harness needs an operator extending AbstractStreamOperator"
                    + " (it holds the keyed state and the current key); got "
                    + operator.getClass().getName());
        }
        this.operator = operator;
        this.keySelectors = List.copyOf(keySelectors);
        String name = operator.getClass().getSimpleName();
        this.taskInfo = new HarnessTaskInfo(name, subtaskIndex, parallelism, maxParallelism);
    }

    /** Creates the operator {@code spec} describes, as a task does. */
    @SuppressWarnings("unchecked")
    static <T extends StreamOperator<?>> T createOperator(OperatorSpec spec, Class<?> expected) {
        if (spec == null) {
            throw new IllegalArgumentException("The operator spec must not be null");
        }
        StreamOperator<?> op = OperatorFactory.create(spec);
        if (!expected.isInstance(op)) {
            throw new IllegalArgumentException(spec.getClass().getSimpleName() + " makes a "
                    + op.getClass().getSimpleName() + ", not a " + expected.getSimpleName()
                    + "; use the harness for its number of inputs");
        }
        return (T) op;
    }

    // ------------------------------------------------------------------ life cycle

    /** Gives the operator its parameters (output, task info, processing time, keyed state). Once. */
    public void setup() {
        checkState(State.CREATED, "setup()");
        OperatorConfig config = new OperatorConfig(
                0,
                taskInfo.getTaskName(),
                new OperatorID(),
                StreamNode.Kind.OPERATOR,
                null,
                null,
                null,
                null,
                keySelectors,
                null,
                List.of());
        operator.setup(new StreamOperatorParameters<>(
                config,
                new HarnessOutput(),
                taskInfo,
                new JobID(0, 0),
                executionConfig,
                userCodeClassLoader(),
                accumulators,
                (action, description) -> mailbox.add(new Mail(action, description)),
                processingTimeService,
                sentOperatorEvents::add));
        state = State.SET_UP;
    }

    /**
     * Restores the operator from what the subtasks of an earlier run wrote (for example {@link
     * #snapshot} of other harnesses; several for a rescale, in subtask order). Between {@link
     * #setup} (done here if needed) and {@link #open}; without it, {@code open} starts fresh.
     */
    public void initializeState(OperatorSubtaskState... oldSubtasks) throws Exception {
        initializeState(new OperatorRestore(0, List.of(oldSubtasks)));
    }

    /** Restores the operator from {@code restore} (null: starts fresh); see above. */
    public void initializeState(OperatorRestore restore) throws Exception {
        if (state == State.CREATED) {
            setup();
        }
        checkState(State.SET_UP, "initializeState()");
        if (stateInitialized) {
            throw new IllegalStateException("initializeState() was already called on this harness");
        }
        stateInitialized = true;
        operator.initializeState(new StateInitializationContext(restore));
    }

    /**
     * Takes a checkpoint of the operator as a task does (prepareSnapshotPreBarrier, the
     * synchronous snapshot, then writing it) into memory, and returns what it wrote: pass it to
     * {@link #initializeState} of a new harness to restore.
     */
    public OperatorSubtaskState snapshot(long checkpointId, long timestamp) throws Exception {
        checkState(State.OPEN, "snapshot()");
        operator.prepareSnapshotPreBarrier(checkpointId);
        OperatorSubtaskState written =
                operator.snapshotState(checkpointId, timestamp).write(new MemoryCheckpointStreamFactory());
        runMailboxActions();
        return written;
    }

    /** Tells the operator that checkpoint {@code checkpointId} completed. */
    public void notifyOfCompletedCheckpoint(long checkpointId) throws Exception {
        checkState(State.OPEN, "notifyOfCompletedCheckpoint()");
        operator.notifyCheckpointComplete(checkpointId);
        runMailboxActions();
    }

    /** Sets the operator up and initializes fresh state if that was not done, then opens it. */
    public void open() throws Exception {
        if (state == State.CREATED) {
            setup();
        }
        checkState(State.SET_UP, "open()");
        if (!stateInitialized) {
            stateInitialized = true;
            operator.initializeState(StateInitializationContext.FRESH);
        }
        operator.open();
        state = State.OPEN;
        runMailboxActions();
    }

    /** The end of a bounded input: the operator finishes (emits what it buffered). */
    public void endInput() throws Exception {
        checkState(State.OPEN, "endInput()");
        operator.finish();
        runMailboxActions();
    }

    /** Closes the operator (and its user function). Idempotent; a harness cannot be reopened. */
    @Override
    public void close() throws Exception {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasSetUp = state != State.CREATED;
        state = State.CLOSED;
        if (wasSetUp) {
            operator.close();
        }
    }

    // ------------------------------------------------------------------ time

    /**
     * Moves processing time to {@code time} (never back), running every callback due by then, in
     * time order, and then the mailbox actions they posted.
     */
    public void setProcessingTime(long time) throws Exception {
        checkState(State.OPEN, "setProcessingTime()");
        processingTimeService.advanceTo(time);
        runMailboxActions();
    }

    public long getProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    /** The operator's processing-time service, for inspecting pending callbacks. */
    public ManualProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    // ------------------------------------------------------------------ output

    /** Everything emitted on the main output: {@link StreamRecord}s and {@link Watermark}s, in order. */
    public ConcurrentLinkedQueue<Object> getOutput() {
        return outputList;
    }

    /** The values of the records on the main output, in order (watermarks left out). */
    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (Object o : outputList) {
            if (o instanceof StreamRecord<?> r) {
                values.add((OUT) r.getValue());
            }
        }
        return values;
    }

    /** The records on the main output, with their timestamps, in order (watermarks left out). */
    @SuppressWarnings("unchecked")
    public List<StreamRecord<OUT>> extractOutputStreamRecords() {
        List<StreamRecord<OUT>> records = new ArrayList<>();
        for (Object o : outputList) {
            if (o instanceof StreamRecord<?> r) {
                records.add((StreamRecord<OUT>) r);
            }
        }
        return records;
    }

    /** The watermarks forwarded on the main output, in order. */
    public List<Watermark> extractOutputWatermarks() {
        List<Watermark> watermarks = new ArrayList<>();
        for (Object o : outputList) {
            if (o instanceof Watermark w) {
                watermarks.add(w);
            }
        }
        return watermarks;
    }

    /**
     * The records emitted to the side output {@code tag}, in order. Empty (never null) when the
     * operator emitted nothing there; unlike Flink's harness, which returns null then.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <X> ConcurrentLinkedQueue<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
        return (ConcurrentLinkedQueue) sideOutputLists.computeIfAbsent(tag, t -> new ConcurrentLinkedQueue<>());
    }

    /** Events the operator sent to its coordinator, in order. */
    public List<OperatorEvent> getSentOperatorEvents() {
        return sentOperatorEvents;
    }

    /** The accumulators the operator's function registered, by name. */
    public Map<String, Accumulator<?, ?>> getAccumulators() {
        return accumulators;
    }

    // ------------------------------------------------------------------ state

    /**
     * The number of (key, state) entries in the operator's keyed state, summed over all its states
     * (expired TTL entries not yet cleaned up included); 0 for an operator that is not keyed.
     */
    public int numKeyedStateEntries() {
        HeapKeyedStateBackend<?> backend = keyedStateBackend();
        if (backend == null) {
            return 0;
        }
        int n = 0;
        for (String name : backend.getStateNames()) {
            n += backend.numKeys(name);
        }
        return n;
    }

    /** The pending event-time timers of the operator, over all its timer services (0 if it has none). */
    public int numEventTimeTimers() {
        int n = 0;
        for (InternalTimerServiceImpl<?, ?> service : timerServices()) {
            n += service.numEventTimeTimers();
        }
        return n;
    }

    /** The pending processing-time timers of the operator, over all its timer services (0 if it has none). */
    public int numProcessingTimeTimers() {
        int n = 0;
        for (InternalTimerServiceImpl<?, ?> service : timerServices()) {
            n += service.numProcessingTimeTimers();
        }
        return n;
    }

    private Collection<InternalTimerServiceImpl<?, ?>> timerServices() {
        return operator instanceof AbstractStreamOperator<?> op
                ? op.getTimerServices().values()
                : List.of();
    }

    /** The operator's keyed state backend, or null if it is not keyed or not set up. */
    public HeapKeyedStateBackend<?> keyedStateBackend() {
        return operator instanceof AbstractStreamOperator<?> op ? op.getKeyedStateBackend() : null;
    }

    // ------------------------------------------------------------------ accessors

    public StreamOperator<OUT> getOperator() {
        return operator;
    }

    /** The execution config the operator sees; change it before {@link #setup()} / {@link #open()}. */
    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    // ------------------------------------------------------------------ for subclasses

    /** Runs the mailbox actions posted so far, and those they post, in order. */
    protected final void runMailboxActions() throws Exception {
        Mail mail;
        while ((mail = mailbox.poll()) != null) {
            mail.action().run();
        }
    }

    /** Checks that the operator is open, before an element or watermark is given to it. */
    protected final void checkOpen(String what) {
        checkState(State.OPEN, what);
    }

    /** Sets the current key from an element of input 1 or 2, as the task does for a keyed head operator. */
    protected final void setKeyContext(int input, StreamRecord<?> record) throws Exception {
        if (operator instanceof AbstractStreamOperator<?> op && op.isKeyed()) {
            if (input == 1) {
                op.setKeyContextElement1(record);
            } else {
                op.setKeyContextElement2(record);
            }
        }
    }

    protected static WatermarkElement watermarkElement(Watermark watermark) {
        return new WatermarkElement(watermark);
    }

    private void checkState(State expected, String what) {
        if (state != expected) {
            throw new IllegalStateException(
                    what + " needs the harness to be " + expected + " but it is " + state + " (call order: setup(),"
                            + " open(), elements/watermarks/setProcessingTime(), endInput(), close())");
        }
    }

    private static ClassLoader userCodeClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AbstractStreamOperatorTestHarness.class.getClassLoader();
    }

    /** Collects the operator's output; copies records because operators reuse them. */
    private final class HarnessOutput implements Output<OUT> {
        @Override
        public void collect(StreamRecord<OUT> record) {
            outputList.add(copy(record));
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
            getSideOutput(outputTag).add(copy(record));
        }

        @Override
        public void emitWatermark(WatermarkElement watermark) {
            outputList.add(watermark.getWatermark());
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            outputList.add(status);
        }

        @Override
        public void close() {}

        private static <T> StreamRecord<T> copy(StreamRecord<T> record) {
            return record.hasTimestamp()
                    ? new StreamRecord<>(record.getValue(), record.getTimestamp())
                    : new StreamRecord<>(record.getValue());
        }
    }

    private record HarnessTaskInfo(String name, int subtaskIndex, int parallelism, int maxParallelism)
            implements TaskInfo {
        @Override
        public String getTaskName() {
            return name;
        }

        @Override
        public String getTaskNameWithSubtasks() {
            return name + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
        }

        @Override
        public int getIndexOfThisSubtask() {
            return subtaskIndex;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return parallelism;
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return maxParallelism;
        }

        @Override
        public int getAttemptNumber() {
            return 0;
        }
    }
}
