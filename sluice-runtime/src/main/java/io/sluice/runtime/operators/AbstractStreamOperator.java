package io.sluice.runtime.operators;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.TimerService;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.operators.timers.InternalTimerServiceImpl;
import io.sluice.runtime.operators.timers.KeyContext;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.state.DefaultOperatorStateBackend;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.state.SnapshotWriter;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.state.heap.RestoredTimers;
import io.sluice.runtime.state.heap.TimersSnapshot;
import io.sluice.runtime.state.heap.TtlTimeProvider;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the built-in operators: keeps the parameters, the output, the current key of keyed
 * operators and the event-time clock. Task thread only.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT>, KeyContext {
    protected StreamOperatorParameters<OUT> parameters;
    protected Output<OUT> output;
    protected StreamingRuntimeContext runtimeContext;

    /** The last watermark this operator received (per input for two-input operators). */
    protected long currentWatermark = Long.MIN_VALUE;

    private long input1Watermark = Long.MIN_VALUE;
    private long input2Watermark = Long.MIN_VALUE;
    private boolean input1Idle;
    private boolean input2Idle;
    /** The clock of a two-input operator: the minimum over its inputs that are not idle. */
    private long combinedWatermark = Long.MIN_VALUE;

    private KeySelector<Object, Object> keySelector1;
    private KeySelector<Object, Object> keySelector2;
    private Object currentKey;
    private HeapKeyedStateBackend<Object> keyedStateBackend;
    private DefaultOperatorStateBackend operatorStateBackend;
    /** Whether {@link #initializeState} ran (see {@link #open}). */
    private boolean stateInitialized;

    private final Map<String, InternalTimerServiceImpl<?, ?>> timerServices = new LinkedHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.parameters = parameters;
        this.output = parameters.output();
        this.runtimeContext = new StreamingRuntimeContext(
                parameters.taskInfo(), parameters.jobId(), parameters.userCodeClassLoader(), parameters.accumulators());
        OperatorConfig config = parameters.config();
        if (!config.keySelectors().isEmpty()) {
            keySelector1 = (KeySelector<Object, Object>) config.keySelectors().get(0);
            if (config.keySelectors().size() > 1) {
                keySelector2 =
                        (KeySelector<Object, Object>) config.keySelectors().get(1);
            }
            int maxParallelism = parameters.taskInfo().getMaxNumberOfParallelSubtasks();
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                    maxParallelism,
                    parameters.taskInfo().getNumberOfParallelSubtasks(),
                    parameters.taskInfo().getIndexOfThisSubtask());
            keyedStateBackend = new HeapKeyedStateBackend<>(
                    maxParallelism, range, TtlTimeProvider.SYSTEM, parameters.executionConfig());
        }
        runtimeContext.setKeyedStateBackend(keyedStateBackend, config.name());
        operatorStateBackend = new DefaultOperatorStateBackend(
                parameters.executionConfig(),
                "operator '" + config.name() + "' of " + parameters.taskInfo().getTaskNameWithSubtasks());
    }

    /**
     * Creates the state backends and restores them when {@code context} restores a checkpoint.
     * Subclasses that restore more call this first.
     */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        stateInitialized = true;
        if (context.isRestored()) {
            restoreKeyedState(context.restore());
            operatorStateBackend.restore(
                    context.restore(),
                    parameters.taskInfo().getIndexOfThisSubtask(),
                    parameters.taskInfo().getNumberOfParallelSubtasks());
        }
    }

    /** Restores the keyed state and the timers of this operator's key group range. */
    private void restoreKeyedState(OperatorRestore restore) throws Exception {
        List<KeyGroupsStateHandle> handles = new ArrayList<>();
        for (OperatorSubtaskState old : restore.oldSubtasks()) {
            handles.addAll(old.keyedState());
        }
        if (handles.isEmpty()) {
            return;
        }
        if (keyedStateBackend == null) {
            throw new IllegalStateException("Operator '" + getOperatorName() + "' is not keyed but checkpoint "
                    + restore.checkpointId() + " holds keyed state for it; was a keyBy() removed?");
        }
        keyedStateBackend.restore(handles);
    }

    /**
     * Runs {@link #initializeState} with a fresh context when the caller skipped it (a harness that
     * only calls setup and open), so that functions always get their state before they open.
     */
    @Override
    public void open() throws Exception {
        if (!stateInitialized) {
            initializeState(StateInitializationContext.FRESH);
        }
    }

    /**
     * The synchronous part of a checkpoint: the subclass's {@link #snapshotOperatorState} hook,
     * then what the keyed and operator state backends capture.
     */
    @Override
    public final OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        snapshotOperatorState(checkpointId, timestamp);
        return new OperatorSnapshot(snapshotKeyedState(checkpointId), operatorStateBackend.snapshot(checkpointId));
    }

    /**
     * Called at every checkpoint before the backends capture their state: the place where a
     * subclass moves what it keeps in fields into operator or keyed state.
     */
    protected void snapshotOperatorState(long checkpointId, long timestamp) throws Exception {}

    private SnapshotWriter<KeyGroupsStateHandle> snapshotKeyedState(long checkpointId) throws Exception {
        if (keyedStateBackend == null) {
            return null;
        }
        List<TimersSnapshot> timers = new ArrayList<>(timerServices.size());
        for (InternalTimerServiceImpl<?, ?> service : timerServices.values()) {
            timers.add(service.snapshotTimers());
        }
        return keyedStateBackend.snapshot(checkpointId, timers);
    }

    @Override
    public void finish() throws Exception {}

    @Override
    public void close() throws Exception {
        for (InternalTimerServiceImpl<?, ?> service : timerServices.values()) {
            service.close();
        }
    }

    @Override
    public OperatorID getOperatorId() {
        return parameters.config().operatorId();
    }

    public String getOperatorName() {
        return parameters.config().name();
    }

    // ------------------------------------------------------------------ keys

    public boolean isKeyed() {
        return keySelector1 != null;
    }

    /**
     * Sets the current key from a record of input 1. The caller (the task for its head operator,
     * a chained output for the others) calls it before {@code processElement} on keyed operators,
     * so every operator on a keyed stream, a plain map too, sees its key and keyed state.
     */
    public final void setKeyContextElement1(StreamRecord<?> record) throws Exception {
        currentKey = keyOf(keySelector1, record.getValue());
    }

    /** Sets the current key from a record of input 2 (keyed two-input operators); see above. */
    public final void setKeyContextElement2(StreamRecord<?> record) throws Exception {
        if (keySelector2 == null) {
            return; // input 2 is not keyed (the broadcast input of a keyed broadcast operator)
        }
        currentKey = keyOf(keySelector2, record.getValue());
    }

    private Object keyOf(KeySelector<Object, Object> selector, Object value) throws Exception {
        Object key = selector.getKey(value);
        if (key == null) {
            throw new NullPointerException("The key selector of '" + getOperatorName() + "' returned null for " + value
                    + "; keys must not be null.");
        }
        keyedStateBackend.setCurrentKey(key);
        return key;
    }

    /** The operator state (lists, broadcast maps) of this operator; exists from {@link #setup} on. */
    public DefaultOperatorStateBackend getOperatorStateBackend() {
        return operatorStateBackend;
    }

    /** The keyed state of this operator, or null if it is not keyed (for test harnesses and tools). */
    public HeapKeyedStateBackend<?> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    @Override
    public void setCurrentKey(Object key) {
        this.currentKey = key;
        if (keyedStateBackend != null) {
            keyedStateBackend.setCurrentKey(key);
        }
    }

    // ------------------------------------------------------------------ time

    /** One-input default: advance the clock, fire the timers it passed, then forward. */
    public void processWatermark(WatermarkElement watermark) throws Exception {
        currentWatermark = watermark.getTimestamp();
        if (!timerServices.isEmpty()) {
            for (InternalTimerServiceImpl<?, ?> service : timerServices.values()) {
                service.advanceWatermark(currentWatermark);
            }
        }
        output.emitWatermark(watermark);
    }

    /** One-input default: forward (the task's valve already combined the channels). */
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    /**
     * Two-input default: the clock is the minimum of the watermarks of the inputs that are not
     * idle; a watermark also makes its input active again. When both inputs are idle the clock
     * stands still and the operator's output turns idle.
     */
    public void processWatermark1(WatermarkElement watermark) throws Exception {
        input1Idle = false;
        input1Watermark = Math.max(input1Watermark, watermark.getTimestamp());
        combineWatermarks();
    }

    public void processWatermark2(WatermarkElement watermark) throws Exception {
        input2Idle = false;
        input2Watermark = Math.max(input2Watermark, watermark.getTimestamp());
        combineWatermarks();
    }

    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        boolean wasIdle = input1Idle && input2Idle;
        input1Idle = status.isIdle();
        combineWatermarksAndStatus(wasIdle, status);
    }

    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        boolean wasIdle = input1Idle && input2Idle;
        input2Idle = status.isIdle();
        combineWatermarksAndStatus(wasIdle, status);
    }

    private void combineWatermarksAndStatus(boolean wasIdle, WatermarkStatus status) throws Exception {
        combineWatermarks();
        if (wasIdle != (input1Idle && input2Idle)) {
            output.emitWatermarkStatus(status);
        }
    }

    private void combineWatermarks() throws Exception {
        if (input1Idle && input2Idle) {
            return;
        }
        long min = input1Idle
                ? input2Watermark
                : input2Idle ? input1Watermark : Math.min(input1Watermark, input2Watermark);
        if (min > combinedWatermark) {
            combinedWatermark = min;
            processWatermark(new WatermarkElement(min));
        }
    }

    /**
     * The timers of this keyed operator under {@code name} (one service per name; calling again
     * with the same name returns the same service). {@code triggerable} receives them on the task
     * thread with the timer's key set as the current key.
     *
     * @throws UnsupportedOperationException on a non-keyed operator
     */
    @SuppressWarnings("unchecked")
    protected <K, N> InternalTimerService<N> getInternalTimerService(String name, Triggerable<K, N> triggerable) {
        if (!isKeyed()) {
            throw new UnsupportedOperationException(
                    "Timers need a keyed stream (after keyBy()); operator '" + getOperatorName() + "' is not keyed");
        }
        InternalTimerServiceImpl<K, N> service = (InternalTimerServiceImpl<K, N>) timerServices.get(name);
        if (service == null) {
            service = new InternalTimerServiceImpl<>(name, this, parameters.processingTimeService(), triggerable);
            service.advanceWatermarkTo(currentWatermark);
            timerServices.put(name, service);
            RestoredTimers restored = keyedStateBackend.takeRestoredTimers(name);
            if (restored != null) {
                service.restoreTimers(restored);
            }
        } else {
            service.setTriggerable(triggerable);
        }
        return service;
    }

    /** The timer services created so far, by name (for tests and snapshots). */
    public Map<String, InternalTimerServiceImpl<?, ?>> getTimerServices() {
        return Collections.unmodifiableMap(timerServices);
    }

    /**
     * The timer service of non-keyed process functions: it reads the clocks; setting or deleting a
     * timer throws Flink's message, since timers belong to keys.
     */
    protected TimerService timerService() {
        return new TimerService() {
            @Override
            public long currentProcessingTime() {
                return parameters.processingTimeService().getCurrentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }

            @Override
            public void registerProcessingTimeTimer(long time) {
                throw new UnsupportedOperationException(unsupportedTimers(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG));
            }

            @Override
            public void registerEventTimeTimer(long time) {
                throw new UnsupportedOperationException(unsupportedTimers(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG));
            }

            @Override
            public void deleteProcessingTimeTimer(long time) {
                throw new UnsupportedOperationException(unsupportedTimers(TimerService.UNSUPPORTED_DELETE_TIMER_MSG));
            }

            @Override
            public void deleteEventTimeTimer(long time) {
                throw new UnsupportedOperationException(unsupportedTimers(TimerService.UNSUPPORTED_DELETE_TIMER_MSG));
            }
        };
    }

    private String unsupportedTimers(String nonKeyedMessage) {
        return nonKeyedMessage + " Operator: '" + getOperatorName() + "'.";
    }
}
