package io.sluice.api.windowing.triggers;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.MergingState;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An in-memory trigger context for one key, standing in for the window operator: clocks set by the
 * test, timers and reducing/value state kept per window, and helpers that drive a trigger the way
 * the operator does (advance the watermark or the clock and fire due timers in time order; merge
 * windows and then clear the merged ones).
 */
public final class FakeTriggerContext<W extends Window> implements Trigger.OnMergeContext {
    private long watermark = Long.MIN_VALUE;
    private long processingTime;
    private W window;
    private Collection<W> mergedWindows = List.of();
    private final Map<W, TreeSet<Long>> eventTimers = new HashMap<>();
    private final Map<W, TreeSet<Long>> processingTimers = new HashMap<>();
    private final Map<W, Map<String, Object>> state = new HashMap<>();

    /** The window the next trigger call is about. */
    public FakeTriggerContext<W> window(W window) {
        this.window = window;
        return this;
    }

    public FakeTriggerContext<W> watermark(long watermark) {
        this.watermark = watermark;
        return this;
    }

    public FakeTriggerContext<W> processingTime(long processingTime) {
        this.processingTime = processingTime;
        return this;
    }

    /** Calls {@code onElement} for the current window. */
    public <T> TriggerResult element(Trigger<T, W> trigger, T element, long timestamp) throws Exception {
        return trigger.onElement(element, timestamp, window, this);
    }

    /**
     * Sets the watermark and fires every event-time timer at or below it, earliest first, as
     * {@code "time:RESULT"} (with the window prefixed when timers of several windows fire). A timer
     * at the window's end is also the operator's cleanup time: the trigger is cleared after it.
     */
    public List<String> advanceWatermark(Trigger<?, W> trigger, long newWatermark) throws Exception {
        watermark = newWatermark;
        return fireDue(trigger, eventTimers, newWatermark, true);
    }

    /** Sets processing time and fires every processing-time timer at or below it, earliest first. */
    public List<String> advanceProcessingTime(Trigger<?, W> trigger, long newTime) throws Exception {
        processingTime = newTime;
        return fireDue(trigger, processingTimers, newTime, false);
    }

    private List<String> fireDue(Trigger<?, W> trigger, Map<W, TreeSet<Long>> timers, long upTo, boolean eventTime)
            throws Exception {
        List<String> fired = new ArrayList<>();
        while (true) {
            W dueWindow = null;
            long dueTime = Long.MAX_VALUE;
            for (Map.Entry<W, TreeSet<Long>> e : timers.entrySet()) {
                if (!e.getValue().isEmpty()
                        && e.getValue().first() <= upTo
                        && e.getValue().first() <= dueTime) {
                    dueWindow = e.getKey();
                    dueTime = e.getValue().first();
                }
            }
            if (dueWindow == null) {
                return fired;
            }
            timers.get(dueWindow).pollFirst();
            window = dueWindow;
            TriggerResult result = eventTime
                    ? trigger.onEventTime(dueTime, dueWindow, this)
                    : trigger.onProcessingTime(dueTime, dueWindow, this);
            fired.add((timers.size() > 1 ? dueWindow + "@" : "") + dueTime + ":" + result);
            if (dueTime == dueWindow.maxTimestamp()) {
                // the operator's cleanup timer (allowed lateness 0) clears the trigger right after
                trigger.clear(dueWindow, this);
            }
            if (fired.size() > 10_000) {
                throw new AssertionError("timers keep firing: " + fired.subList(0, 20));
            }
        }
    }

    /** As the operator merges: {@code onMerge} for the result, then {@code clear} for each merged window. */
    public void merge(Trigger<?, W> trigger, Collection<W> merged, W result) throws Exception {
        mergedWindows = merged;
        window = result;
        trigger.onMerge(result, this);
        for (W w : merged) {
            window = w;
            trigger.clear(w, this);
        }
        mergedWindows = List.of();
        window = result;
    }

    public void clear(Trigger<?, W> trigger) throws Exception {
        trigger.clear(window, this);
    }

    public TreeSet<Long> eventTimers(W w) {
        return new TreeSet<>(eventTimers.getOrDefault(w, new TreeSet<>()));
    }

    public TreeSet<Long> processingTimers(W w) {
        return new TreeSet<>(processingTimers.getOrDefault(w, new TreeSet<>()));
    }

    /** The raw value of state {@code name} for window {@code w}, or null. */
    public Object state(W w, String name) {
        return state.getOrDefault(w, Map.of()).get(name);
    }

    @Override
    public long getCurrentProcessingTime() {
        return processingTime;
    }

    @Override
    public long getCurrentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        processingTimers.computeIfAbsent(window, w -> new TreeSet<>()).add(time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        eventTimers.computeIfAbsent(window, w -> new TreeSet<>()).add(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        processingTimers.getOrDefault(window, new TreeSet<>()).remove(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        eventTimers.getOrDefault(window, new TreeSet<>()).remove(time);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
        W w = window;
        String name = descriptor.getName();
        if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            ReduceFunction<Object> function = (ReduceFunction<Object>) reducing.getReduceFunction();
            return (S) new ReducingState<Object>() {
                @Override
                public Object get() {
                    return state(w, name);
                }

                @Override
                public void add(Object value) throws Exception {
                    Object current = get();
                    put(w, name, current == null ? value : function.reduce(current, value));
                }

                @Override
                public void clear() {
                    put(w, name, null);
                }
            };
        }
        if (descriptor instanceof ValueStateDescriptor<?>) {
            return (S) new ValueState<Object>() {
                @Override
                public Object value() {
                    return state(w, name);
                }

                @Override
                public void update(Object value) {
                    put(w, name, value);
                }

                @Override
                public void clear() {
                    put(w, name, null);
                }
            };
        }
        throw new UnsupportedOperationException("FakeTriggerContext has no " + descriptor.getType() + " state");
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> descriptor) {
        if (!(descriptor instanceof ReducingStateDescriptor<?> reducing)) {
            throw new UnsupportedOperationException("FakeTriggerContext merges only reducing state");
        }
        ReduceFunction<Object> function = (ReduceFunction<Object>) reducing.getReduceFunction();
        String name = descriptor.getName();
        try {
            for (W source : mergedWindows) {
                Object value = state(source, name);
                put(source, name, null);
                if (value != null) {
                    Object target = state(window, name);
                    put(window, name, target == null ? value : function.reduce(target, value));
                }
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private void put(W w, String name, Object value) {
        if (value == null) {
            Map<String, Object> values = state.get(w);
            if (values != null) {
                values.remove(name);
            }
        } else {
            state.computeIfAbsent(w, k -> new HashMap<>()).put(name, value);
        }
    }
}
