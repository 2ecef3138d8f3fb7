package io.sluice.runtime.operators.windowing;

import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.Function;
import io.sluice.api.state.MergingState;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.MapTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.Window;
import io.sluice.runtime.operators.AbstractUdfStreamOperator;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.state.InternalMergingState;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Windows on a keyed stream, with Flink's semantics.
 *
 * <p><b>Elements.</b> The assigner names the element's windows. A window is <em>expired</em> once
 * the watermark has reached its cleanup time (event time only); expired windows take nothing. Each
 * live window gets the element in its {@link WindowBuffer}, then the trigger decides: FIRE runs
 * the window function on the buffer (results stamped {@code window.maxTimestamp()}), PURGE empties
 * it, and a cleanup timer is set. An element no window took, and whose timestamp plus the allowed
 * lateness the watermark has reached, goes to the late side output if there is one; otherwise it
 * is dropped.
 *
 * <p><b>Sessions.</b> With a {@link MergingWindowAssigner} each key has a {@link SessionIndex} of
 * its live windows. A new window is inserted there first; when it makes windows merge, their
 * contents move into one namespace, the trigger merges their trigger state ({@code onMerge}) and
 * the absorbed windows lose their trigger state and cleanup timers. A merge may not move a window's
 * end before the watermark (event time) or the clock (processing time).
 *
 * <p><b>Timers.</b> Trigger timers come back as {@link #onEventTime} / {@link #onProcessingTime}
 * and are handed to the trigger. The cleanup timer is at {@code maxTimestamp + allowedLateness} in
 * event time and {@code maxTimestamp} in processing time (never for a window that ends at
 * {@code Long.MAX_VALUE}); when it fires the window is dropped: contents, trigger state and the
 * function's per-window state.
 *
 * <p><b>Threading.</b> Task thread only; the element's or timer's key is the backend's current key.
 *
 * @param <K> the key type
 * @param <IN> the element type
 * @param <OUT> the result type
 * @param <W> the window type
 */
public class WindowOperator<K, IN, OUT, W extends Window> extends AbstractUdfStreamOperator<OUT, Function>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {
    /** The name of the window contents state (as in Flink). */
    static final String WINDOW_CONTENTS = WindowBuffer.STATE_NAME;
    /** The name of the state holding each key's {@link SessionIndex}. */
    static final String SESSIONS = "merging-window-set";

    protected final WindowSpec spec;
    private final WindowAssigner<Object, W> assigner;
    /** The assigner if it merges windows, else null. */
    private final MergingWindowAssigner<Object, W> sessionAssigner;

    private final Trigger<Object, W> trigger;
    private final boolean eventTime;
    private final long allowedLateness;
    private final OutputTag<IN> lateOutput;

    private final WindowBuffer.Evaluator<W> evaluator = this::evaluate;

    // set up in open(); the collaborators below are re-aimed (key, namespace, window) per call
    private HeapKeyedStateBackend<Object> backend;
    protected InternalTimerService<W> timers;
    private WindowBuffer<W> buffer;
    /** Each key's live sessions (a {@link SessionIndex} map); only with a merging assigner. */
    private ValueState<LinkedHashMap<W, W>> sessionState;

    private SessionIndex.MergeListener<W> sessionMerger;
    private TriggerScope triggerScope;
    private WindowScope<W> functionScope;
    private WindowFunctionInvoker<K, W> function;
    private WindowCollector<Object> collector;
    private WindowAssigner.WindowAssignerContext assignerContext;

    @SuppressWarnings("unchecked")
    public WindowOperator(WindowSpec spec) {
        super(spec.windowFunction());
        if (spec.allowedLateness() < 0) {
            throw new IllegalArgumentException(
                    "The allowed lateness cannot be negative, was " + spec.allowedLateness());
        }
        this.spec = spec;
        this.assigner = (WindowAssigner<Object, W>) spec.assigner();
        this.sessionAssigner = assigner instanceof MergingWindowAssigner<?, ?> merging
                ? (MergingWindowAssigner<Object, W>) merging
                : null;
        this.trigger = (Trigger<Object, W>) spec.trigger();
        if (sessionAssigner != null && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner (" + assigner
                    + ") cannot be used with a trigger that does not support merging (" + trigger + ").");
        }
        this.eventTime = assigner.isEventTime();
        this.allowedLateness = spec.allowedLateness();
        this.lateOutput = (OutputTag<IN>) spec.lateDataOutputTag();
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
        timers = getInternalTimerService("window-timers", this);
        buffer = createBuffer(backend);
        if (sessionAssigner != null) {
            sessionState = backend.getOrCreateKeyedState(
                    new ValueStateDescriptor<>(SESSIONS, (TypeInformation<LinkedHashMap<W, W>>) (TypeInformation<?>)
                            new MapTypeInfo<>(new WindowTypeInfo<>(assigner), new WindowTypeInfo<>(assigner))));
            sessionMerger = this::mergeSessions;
        }
        triggerScope = new TriggerScope();
        functionScope = new WindowScope<>(backend, timers, output, sessionAssigner != null);
        function = WindowFunctionInvoker.create(spec.windowFunction(), functionScope);
        collector = new WindowCollector<>((Output<Object>) (Output<?>) output);
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timers.currentProcessingTime();
            }
        };
    }

    /** Where windows keep their contents; {@link EvictingWindowOperator} keeps every element for its evictor. */
    protected WindowBuffer<W> createBuffer(HeapKeyedStateBackend<Object> backend) {
        return WindowBuffer.forSpec(spec, backend);
    }

    // ------------------------------------------------------------------ elements

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        Collection<W> windows = assigner.assignWindows(element.getValue(), element.getTimestamp(), assignerContext);
        boolean taken = sessionAssigner == null ? addToWindows(element, windows) : addToSessions(element, windows);
        if (!taken && lateOutput != null && isLate(element)) {
            output.collect(lateOutput, element);
        }
    }

    /** Fixed windows: each window is its own namespace. True if a window took the element. */
    private boolean addToWindows(StreamRecord<IN> element, Collection<W> windows) throws Exception {
        boolean taken = false;
        for (W window : windows) {
            if (!isExpired(window)) {
                taken = true;
                buffer.switchTo(window);
                offer(element, window);
            }
        }
        return taken;
    }

    /** Session windows: each window first joins the key's sessions. True if a session took the element. */
    private boolean addToSessions(StreamRecord<IN> element, Collection<W> windows) throws Exception {
        SessionIndex<W> sessions = new SessionIndex<>(sessionState.value());
        boolean taken = false;
        for (W window : windows) {
            W session = sessions.insert(window, sessionAssigner, sessionMerger);
            if (isExpired(session)) {
                sessions.remove(session);
                continue;
            }
            taken = true;
            buffer.switchTo(sessions.namespaceOf(session));
            offer(element, session);
        }
        saveSessions(sessions);
        return taken;
    }

    /** Adds the element to the selected buffer of {@code window} and does what the trigger says. */
    private void offer(StreamRecord<IN> element, W window) throws Exception {
        buffer.add(element);
        triggerScope.window = window;
        obey(trigger.onElement(element.getValue(), element.getTimestamp(), window, triggerScope), window);
        setCleanupTimer(window);
    }

    /** Acts on a trigger's decision for the selected buffer of {@code window}. */
    private void obey(TriggerResult decision, W window) throws Exception {
        if (decision.isFire()) {
            buffer.emit(window, evaluator);
        }
        if (decision.isPurge()) {
            buffer.clear();
        }
    }

    /** Runs the window function, its results stamped with {@code window.maxTimestamp()}. */
    @SuppressWarnings("unchecked")
    private void evaluate(W window, Iterable<Object> input) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        functionScope.window = window;
        function.invoke((K) getCurrentKey(), input, collector);
    }

    // ------------------------------------------------------------------ sessions

    /** The {@link SessionIndex.MergeListener}: contents, trigger state and timers follow a merge. */
    private void mergeSessions(W merged, List<W> absorbed, W namespace, List<W> movedNamespaces) throws Exception {
        if (eventTime && merged.maxTimestamp() + allowedLateness <= timers.currentWatermark()) {
            throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier"
                    + " than the current watermark by merging. Current watermark: "
                    + timers.currentWatermark() + " window: " + merged);
        }
        if (!eventTime && merged.maxTimestamp() <= timers.currentProcessingTime()) {
            throw new UnsupportedOperationException("The end timestamp of a processing-time window cannot become"
                    + " earlier than the current processing time by merging. Current processing time: "
                    + timers.currentProcessingTime() + " window: " + merged);
        }
        buffer.absorb(namespace, movedNamespaces);
        triggerScope.window = merged;
        triggerScope.absorbed = absorbed;
        try {
            trigger.onMerge(merged, triggerScope);
        } finally {
            triggerScope.absorbed = null;
        }
        for (W gone : absorbed) {
            triggerScope.window = gone;
            trigger.clear(gone, triggerScope);
            cancelCleanupTimer(gone);
        }
    }

    private void saveSessions(SessionIndex<W> sessions) throws Exception {
        if (sessions.isEmpty()) {
            sessionState.clear();
        } else {
            sessionState.update(sessions.asMap());
        }
    }

    // ------------------------------------------------------------------ timers

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer.getNamespace(), timer.getTimestamp(), true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer.getNamespace(), timer.getTimestamp(), false);
    }

    /** A trigger or cleanup timer of {@code window}; {@code eventTimeTimer} says which clock it is on. */
    private void onTimer(W window, long time, boolean eventTimeTimer) throws Exception {
        SessionIndex<W> sessions = null;
        if (sessionAssigner == null) {
            buffer.switchTo(window);
        } else {
            sessions = new SessionIndex<>(sessionState.value());
            W namespace = sessions.namespaceOf(window);
            if (namespace == null) {
                return; // a timer the trigger left behind on a window that merged away or was dropped
            }
            buffer.switchTo(namespace);
        }
        triggerScope.window = window;
        obey(
                eventTimeTimer
                        ? trigger.onEventTime(time, window, triggerScope)
                        : trigger.onProcessingTime(time, window, triggerScope),
                window);
        if (eventTimeTimer == eventTime && time == cleanupTime(window)) {
            drop(window);
            if (sessions != null) {
                sessions.remove(window);
                saveSessions(sessions);
            }
        }
    }

    /** Drops a window for good: contents, trigger state, per-window state of the function. */
    private void drop(W window) throws Exception {
        buffer.clear();
        trigger.clear(window, triggerScope);
        functionScope.window = window;
        function.windowDropped();
    }

    // ------------------------------------------------------------------ lateness and cleanup

    /** Event time only: the watermark reached the window's cleanup time, so it takes no more elements. */
    private boolean isExpired(W window) {
        return eventTime && cleanupTime(window) <= timers.currentWatermark();
    }

    private boolean isLate(StreamRecord<IN> element) {
        return eventTime && element.getTimestamp() + allowedLateness <= timers.currentWatermark();
    }

    /**
     * When a window is dropped: its end plus the allowed lateness in event time (Long.MAX_VALUE if
     * that overflows), its end in processing time.
     */
    private long cleanupTime(W window) {
        long end = window.maxTimestamp();
        if (!eventTime) {
            return end;
        }
        long cleanup = end + allowedLateness;
        return cleanup < end ? Long.MAX_VALUE : cleanup;
    }

    private void setCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return; // never dropped, e.g. the global window
        }
        if (eventTime) {
            timers.registerEventTimeTimer(window, time);
        } else {
            timers.registerProcessingTimeTimer(window, time);
        }
    }

    private void cancelCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(window, time);
        } else {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    // ------------------------------------------------------------------ what triggers and functions see

    /**
     * What the trigger sees: timers and state scoped to {@link #window}, and during a merge the
     * windows being absorbed. One instance, re-aimed before every trigger call.
     */
    private final class TriggerScope implements Trigger.OnMergeContext {
        W window;
        /** Non-null only inside {@code onMerge}. */
        List<W> absorbed;

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            return backend.getPartitionedState(window, stateDescriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            if (absorbed == null || absorbed.isEmpty()) {
                return;
            }
            State state = backend.getOrCreateKeyedState(stateDescriptor);
            if (!(state instanceof InternalMergingState<?> merging)) {
                throw new IllegalArgumentException("The state descriptor '" + stateDescriptor.getName()
                        + "' does not refer to a mergeable state (MergingState)");
            }
            try {
                ((InternalMergingState<W>) merging).mergeNamespaces(window, absorbed);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Merging trigger state '" + stateDescriptor.getName() + "' into " + window + " failed", e);
            }
        }
    }
}
