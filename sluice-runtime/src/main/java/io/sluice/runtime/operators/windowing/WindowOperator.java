package io.sluice.runtime.operators.windowing;

import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.AppendingState;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MergingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.GenericTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.operators.AbstractUdfStreamOperator;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.state.InternalMergingState;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;

/**
 * Windows on a keyed stream, with Flink's semantics.
 *
 * <p>For each element: the assigner gives its windows (merging assigners merge them with the
 * key's in-flight windows, their contents and their triggers); an element whose windows are all
 * late (event time, {@code window.maxTimestamp() + allowedLateness <= watermark}) goes to the late
 * side output if one is set, else it is dropped. Otherwise it is added to each window's contents
 * (namespaced keyed state: the window is the namespace) and the trigger decides: FIRE evaluates
 * the window function on the contents, PURGE clears them. Every window gets a cleanup timer at
 * {@code maxTimestamp + allowedLateness} (event time) or {@code maxTimestamp} (processing time);
 * when it fires, the window's contents, trigger state and per-window state are dropped. Timers the
 * trigger registers come back through {@link #onEventTime} / {@link #onProcessingTime}. Results
 * carry the timestamp {@code window.maxTimestamp()}.
 *
 * <p>The contents are one reduced value, one accumulator, or every element (see
 * {@link WindowContents}); {@link EvictingWindowOperator} always keeps every element.
 *
 * <p><b>Threading</b>: task thread only; the key of the element or timer is the backend's current
 * key.
 *
 * @param <K> the key type
 * @param <IN> the element type
 * @param <OUT> the result type
 * @param <W> the window type
 */
public class WindowOperator<K, IN, OUT, W extends Window> extends AbstractUdfStreamOperator<OUT, Function>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {
    /** The name of the window contents state (as in Flink). */
    static final String WINDOW_CONTENTS = "window-contents";

    protected final WindowSpec spec;
    protected final WindowAssigner<Object, W> windowAssigner;
    private final MergingWindowAssigner<Object, W> mergingAssigner;
    private final Trigger<Object, W> trigger;
    protected final long allowedLateness;
    private final OutputTag<IN> lateDataOutputTag;
    protected final InternalWindowFunction<Object, OUT, K, W> windowFunction;

    private HeapKeyedStateBackend<Object> backend;
    protected InternalTimerService<W> timerService;
    /** The contents of the window being worked on (the state's namespace is that window). */
    private AppendingState<Object, Object> windowState;

    protected InternalMergingState<W> windowStateNamespaces;
    private ValueState<HashMap<W, W>> mergingSetsState;
    protected TriggerContextImpl triggerContext;
    protected WindowContextImpl processContext;
    private WindowCollector<OUT> collector;
    private WindowAssigner.WindowAssignerContext assignerContext;

    @SuppressWarnings("unchecked")
    public WindowOperator(WindowSpec spec) {
        super(spec.windowFunction());
        if (spec.allowedLateness() < 0) {
            throw new IllegalArgumentException(
                    "The allowed lateness cannot be negative, was " + spec.allowedLateness());
        }
        this.spec = spec;
        this.windowAssigner = (WindowAssigner<Object, W>) spec.assigner();
        this.mergingAssigner =
                spec.assigner() instanceof MergingWindowAssigner<?, ?> m ? (MergingWindowAssigner<Object, W>) m : null;
        this.trigger = (Trigger<Object, W>) spec.trigger();
        if (mergingAssigner != null && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner (" + windowAssigner
                    + ") cannot be used with a trigger that does not support merging (" + trigger + ").");
        }
        this.allowedLateness = spec.allowedLateness();
        this.lateDataOutputTag = (OutputTag<IN>) spec.lateDataOutputTag();
        this.windowFunction = InternalWindowFunction.of(spec.windowFunction());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        backend = (HeapKeyedStateBackend<Object>) getKeyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException("The window operator '" + getOperatorName()
                    + "' runs on a keyed stream only (keyBy(...).window(...), or windowAll(...))");
        }
        timerService = getInternalTimerService("window-timers", this);
        State state = backend.getOrCreateKeyedState(windowStateDescriptor());
        windowState = (AppendingState<Object, Object>) state;
        windowStateNamespaces = (InternalMergingState<W>) state;
        if (mergingAssigner != null) {
            mergingSetsState = backend.getOrCreateKeyedState(new ValueStateDescriptor<>(
                    "merging-window-set", (TypeInformation<HashMap<W, W>>) (TypeInformation<?>)
                            new GenericTypeInfo<>(HashMap.class, "in-flight session windows, kept on the heap")));
        }
        triggerContext = new TriggerContextImpl();
        processContext = new WindowContextImpl();
        collector = new WindowCollector<>(output);
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }
        };
    }

    /** The state that holds a window's contents, per {@link WindowContents}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected StateDescriptor<?, ?> windowStateDescriptor() {
        TypeInformation inputType = spec.inputType();
        return switch (spec.contents()) {
            case ITERABLE -> new ListStateDescriptor<>(WINDOW_CONTENTS, inputType);
            case REDUCE -> new ReducingStateDescriptor<>(
                    WINDOW_CONTENTS, (ReduceFunction) spec.incrementalFunction(), inputType);
            case AGGREGATE -> {
                TypeInformation accumulatorType = spec.accumulatorType() != null
                        ? spec.accumulatorType()
                        : new GenericTypeInfo<>(Object.class, "window accumulator, kept on the heap");
                yield new AggregatingStateDescriptor(
                        WINDOW_CONTENTS, (AggregateFunction) spec.incrementalFunction(), accumulatorType);
            }
        };
    }

    // ------------------------------------------------------------------ elements

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(StreamRecord<IN> element) throws Exception {
        Collection<W> elementWindows =
                windowAssigner.assignWindows(element.getValue(), element.getTimestamp(), assignerContext);
        boolean isSkippedElement = true;
        K key = (K) getCurrentKey();
        if (mergingAssigner != null) {
            MergingWindowSet<W> mergingWindows = mergingWindowSet();
            for (W window : elementWindows) {
                W actualWindow = mergingWindows.addWindow(
                        window,
                        (mergeResult, mergedWindows, stateWindowResult, mergedStateWindows) ->
                                mergeWindows(key, mergeResult, mergedWindows, stateWindowResult, mergedStateWindows));
                if (isWindowLate(actualWindow)) {
                    mergingWindows.retireWindow(actualWindow);
                    continue;
                }
                isSkippedElement = false;
                W stateWindow = mergingWindows.getStateWindow(actualWindow);
                if (stateWindow == null) {
                    throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
                }
                windowStateNamespaces.setCurrentNamespace(stateWindow);
                addElement(element);
                triggerContext.key = key;
                triggerContext.window = actualWindow;
                TriggerResult triggerResult = triggerContext.onElement(element);
                if (triggerResult.isFire() && !emitWindowContents(actualWindow)) {
                    continue;
                }
                if (triggerResult.isPurge()) {
                    clearWindowContents();
                }
                registerCleanupTimer(actualWindow);
            }
            mergingWindows.persist();
        } else {
            for (W window : elementWindows) {
                if (isWindowLate(window)) {
                    continue;
                }
                isSkippedElement = false;
                windowStateNamespaces.setCurrentNamespace(window);
                addElement(element);
                triggerContext.key = key;
                triggerContext.window = window;
                TriggerResult triggerResult = triggerContext.onElement(element);
                if (triggerResult.isFire() && !emitWindowContents(window)) {
                    continue;
                }
                if (triggerResult.isPurge()) {
                    clearWindowContents();
                }
                registerCleanupTimer(window);
            }
        }
        // an element no window took: side output or drop, if it is late
        if (isSkippedElement && isElementLate(element) && lateDataOutputTag != null) {
            output.collect(lateDataOutputTag, element);
        }
    }

    private void mergeWindows(
            K key, W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
            throws Exception {
        if (windowAssigner.isEventTime()
                && mergeResult.maxTimestamp() + allowedLateness <= timerService.currentWatermark()) {
            throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier"
                    + " than the current watermark by merging. Current watermark: "
                    + timerService.currentWatermark() + " window: " + mergeResult);
        } else if (!windowAssigner.isEventTime()
                && mergeResult.maxTimestamp() <= timerService.currentProcessingTime()) {
            throw new UnsupportedOperationException("The end timestamp of a processing-time window cannot become"
                    + " earlier than the current processing time by merging. Current processing time: "
                    + timerService.currentProcessingTime() + " window: " + mergeResult);
        }
        triggerContext.key = key;
        triggerContext.window = mergeResult;
        triggerContext.onMerge(mergedWindows);
        for (W merged : mergedWindows) {
            triggerContext.window = merged;
            triggerContext.clear();
            deleteCleanupTimer(merged);
        }
        windowStateNamespaces.mergeNamespaces(stateWindowResult, mergedStateWindows);
    }

    /** Adds the element to the current window's contents. */
    protected void addElement(StreamRecord<IN> element) throws Exception {
        windowState.add(element.getValue());
    }

    protected void clearWindowContents() {
        windowState.clear();
    }

    /**
     * Evaluates the window function on the current window's contents; false if there are none
     * (purged before), in which case nothing is emitted.
     */
    @SuppressWarnings("unchecked")
    protected boolean emitWindowContents(W window) throws Exception {
        Object contents = windowState.get();
        if (contents == null) {
            return false;
        }
        Iterable<Object> input;
        if (spec.contents() == WindowContents.ITERABLE) {
            input = (Iterable<Object>) contents;
            if (!input.iterator().hasNext()) {
                return false;
            }
        } else {
            input = Collections.singletonList(contents);
        }
        evaluate(window, input);
        return true;
    }

    /** Runs the window function, its results stamped with {@code window.maxTimestamp()}. */
    protected final void evaluate(W window, Iterable<Object> input) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        processContext.window = window;
        windowFunction.process(triggerContext.key, window, processContext, input, collector);
    }

    // ------------------------------------------------------------------ timers

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
        triggerContext.key = timer.getKey();
        triggerContext.window = timer.getNamespace();
        MergingWindowSet<W> mergingWindows = null;
        if (mergingAssigner != null) {
            mergingWindows = mergingWindowSet();
            W stateWindow = mergingWindows.getStateWindow(triggerContext.window);
            if (stateWindow == null) {
                // a timer of a window that was merged away or cleared and whose trigger left the
                // timer behind: its state is gone, nothing to do
                return;
            }
            windowStateNamespaces.setCurrentNamespace(stateWindow);
        } else {
            windowStateNamespaces.setCurrentNamespace(triggerContext.window);
        }
        TriggerResult triggerResult = eventTime
                ? triggerContext.onEventTime(timer.getTimestamp())
                : triggerContext.onProcessingTime(timer.getTimestamp());
        if (triggerResult.isFire()) {
            emitWindowContents(triggerContext.window);
        }
        if (triggerResult.isPurge()) {
            clearWindowContents();
        }
        if (windowAssigner.isEventTime() == eventTime && isCleanupTime(triggerContext.window, timer.getTimestamp())) {
            clearAllState(triggerContext.window, mergingWindows);
        }
        if (mergingWindows != null) {
            mergingWindows.persist();
        }
    }

    /** Drops a window for good: contents, trigger state, per-window state of the function. */
    private void clearAllState(W window, MergingWindowSet<W> mergingWindows) throws Exception {
        clearWindowContents();
        triggerContext.clear();
        processContext.window = window;
        windowFunction.clear(window, processContext);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
            mergingWindows.persist();
        }
    }

    private MergingWindowSet<W> mergingWindowSet() throws Exception {
        return new MergingWindowSet<>(mergingAssigner, mergingSetsState);
    }

    // ------------------------------------------------------------------ lateness and cleanup

    /** An event-time window whose cleanup time the watermark has reached takes no elements. */
    protected boolean isWindowLate(W window) {
        return windowAssigner.isEventTime() && cleanupTime(window) <= timerService.currentWatermark();
    }

    protected boolean isElementLate(StreamRecord<IN> element) {
        return windowAssigner.isEventTime()
                && element.getTimestamp() + allowedLateness <= timerService.currentWatermark();
    }

    /** When the window is dropped: its end plus the allowed lateness (event time, no overflow), else its end. */
    private long cleanupTime(W window) {
        if (windowAssigner.isEventTime()) {
            long cleanupTime = window.maxTimestamp() + allowedLateness;
            return cleanupTime >= window.maxTimestamp() ? cleanupTime : Long.MAX_VALUE;
        }
        return window.maxTimestamp();
    }

    private boolean isCleanupTime(W window, long time) {
        return time == cleanupTime(window);
    }

    private void registerCleanupTimer(W window) {
        long cleanupTime = cleanupTime(window);
        if (cleanupTime == Long.MAX_VALUE) {
            return; // never cleaned up (the global window)
        }
        if (windowAssigner.isEventTime()) {
            timerService.registerEventTimeTimer(window, cleanupTime);
        } else {
            timerService.registerProcessingTimeTimer(window, cleanupTime);
        }
    }

    private void deleteCleanupTimer(W window) {
        long cleanupTime = cleanupTime(window);
        if (cleanupTime == Long.MAX_VALUE) {
            return;
        }
        if (windowAssigner.isEventTime()) {
            timerService.deleteEventTimeTimer(window, cleanupTime);
        } else {
            timerService.deleteProcessingTimeTimer(window, cleanupTime);
        }
    }

    // ------------------------------------------------------------------ contexts

    /** The trigger's view: the current key and window, their timers and state. */
    protected final class TriggerContextImpl implements Trigger.OnMergeContext {
        K key;
        W window;
        private Collection<W> mergedWindows;

        TriggerResult onElement(StreamRecord<IN> element) throws Exception {
            return trigger.onElement(element.getValue(), element.getTimestamp(), window, this);
        }

        TriggerResult onEventTime(long time) throws Exception {
            return trigger.onEventTime(time, window, this);
        }

        TriggerResult onProcessingTime(long time) throws Exception {
            return trigger.onProcessingTime(time, window, this);
        }

        void onMerge(Collection<W> mergedWindows) throws Exception {
            this.mergedWindows = mergedWindows;
            try {
                trigger.onMerge(window, this);
            } finally {
                this.mergedWindows = null;
            }
        }

        void clear() throws Exception {
            trigger.clear(window, this);
        }

        @Override
        public long getCurrentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timerService.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timerService.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timerService.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timerService.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timerService.deleteEventTimeTimer(window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            return backend.getPartitionedState(window, stateDescriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            if (mergedWindows == null || mergedWindows.isEmpty()) {
                return;
            }
            State state = backend.getOrCreateKeyedState(stateDescriptor);
            if (!(state instanceof InternalMergingState<?> merging)) {
                throw new IllegalArgumentException("The state descriptor '" + stateDescriptor.getName()
                        + "' does not refer to a mergeable state (MergingState)");
            }
            try {
                ((InternalMergingState<W>) merging).mergeNamespaces(window, mergedWindows);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Merging trigger state '" + stateDescriptor.getName() + "' into " + window + " failed", e);
            }
        }
    }

    /** The window function's view: the window, the clocks, per-window and per-key state, side outputs. */
    protected final class WindowContextImpl implements InternalWindowFunction.Context {
        W window;
        private final KeyedStateStore windowStateStore = new NamespacedStateStore(backend, () -> {
            if (mergingAssigner != null) {
                // as in Flink: merged windows would have to merge arbitrary user state
                throw new UnsupportedOperationException("Per-window state is not allowed when using merging windows.");
            }
            return window;
        });
        private final KeyedStateStore globalStateStore =
                new NamespacedStateStore(backend, () -> VoidNamespace.INSTANCE);

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            return windowStateStore;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalStateStore;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("OutputTag must not be null.");
            }
            output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
        }
    }
}
