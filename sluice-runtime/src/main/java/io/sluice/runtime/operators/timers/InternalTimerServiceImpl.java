package io.sluice.runtime.operators.timers;

import io.sluice.runtime.operators.ProcessingTimeService;
import io.sluice.runtime.state.heap.RestoredTimers;
import io.sluice.runtime.state.heap.TimersSnapshot;
import java.util.List;

/**
 * The timers of one operator under one name: a heap per time domain. Event-time timers fire from
 * {@link #advanceWatermark}; processing-time timers through one callback at a time registered with
 * the task's {@link ProcessingTimeService}, for the earliest timer. Before each timer fires, its key
 * becomes the operator's current key. Task thread only.
 */
public final class InternalTimerServiceImpl<K, N> implements InternalTimerService<N> {
    private final String name;
    private final KeyContext keyContext;
    private final ProcessingTimeService processingTimeService;
    private final TimerHeap<K, N> eventTimeTimers = new TimerHeap<>();
    private final TimerHeap<K, N> processingTimeTimers = new TimerHeap<>();
    private Triggerable<K, N> triggerable;
    private long currentWatermark = Long.MIN_VALUE;

    /** The time the pending processing-time callback is registered for, or MAX_VALUE if none. */
    private long nextProcessingTime = Long.MAX_VALUE;

    private ProcessingTimeService.Cancellable nextProcessingTimer;

    public InternalTimerServiceImpl(
            String name,
            KeyContext keyContext,
            ProcessingTimeService processingTimeService,
            Triggerable<K, N> triggerable) {
        this.name = name;
        this.keyContext = keyContext;
        this.processingTimeService = processingTimeService;
        this.triggerable = triggerable;
    }

    public String getName() {
        return name;
    }

    /** Replaces the receiver of this service's timers (the same service is shared under one name). */
    public void setTriggerable(Triggerable<K, N> triggerable) {
        this.triggerable = triggerable;
    }

    @Override
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        if (processingTimeTimers.add(time, currentKey(), namespace) && time < nextProcessingTime) {
            if (nextProcessingTimer != null) {
                nextProcessingTimer.cancel();
            }
            scheduleProcessingTime(time);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimeTimers.remove(time, currentKey(), namespace);
        // the scheduled callback, if now early, finds nothing due and schedules the next one
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        eventTimeTimers.add(time, currentKey(), namespace);
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimeTimers.remove(time, currentKey(), namespace);
    }

    /** Sets the clock without firing (a service created after watermarks arrived starts there). */
    public void advanceWatermarkTo(long watermark) {
        currentWatermark = watermark;
    }

    /**
     * Sets the clock to {@code watermark} and fires, in timestamp order, every event-time timer at
     * or before it, including timers the firing ones register at or before it.
     */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        TimerHeap.Entry<K, N> timer;
        while ((timer = eventTimeTimers.peek()) != null && timer.getTimestamp() <= watermark) {
            eventTimeTimers.poll();
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onEventTime(timer);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        nextProcessingTimer = null;
        nextProcessingTime = Long.MAX_VALUE;
        TimerHeap.Entry<K, N> timer;
        while ((timer = processingTimeTimers.peek()) != null && timer.getTimestamp() <= time) {
            processingTimeTimers.poll();
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onProcessingTime(timer);
        }
        if (timer != null && timer.getTimestamp() < nextProcessingTime) {
            if (nextProcessingTimer != null) {
                nextProcessingTimer.cancel(); // a firing timer registered a later one
            }
            scheduleProcessingTime(timer.getTimestamp());
        }
    }

    private void scheduleProcessingTime(long time) {
        nextProcessingTime = time;
        nextProcessingTimer = processingTimeService.registerTimer(time, this::onProcessingTime);
    }

    private K currentKey() {
        @SuppressWarnings("unchecked")
        K key = (K) keyContext.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("Timer service '" + name
                    + "' needs a current key: timers can be registered only while a keyed element or timer is"
                    + " processed");
        }
        return key;
    }

    /** Stops the processing-time callback; pending timers stay (and are not fired). */
    public void close() {
        if (nextProcessingTimer != null) {
            nextProcessingTimer.cancel();
            nextProcessingTimer = null;
            nextProcessingTime = Long.MAX_VALUE;
        }
    }

    /** The synchronous part of a snapshot: the pending timers as of now (O(n) array copies). */
    public TimersSnapshot snapshotTimers() {
        TimerHeap.Entry<K, N>[] event = eventTimeTimers.copyEntries();
        TimerHeap.Entry<K, N>[] processing = processingTimeTimers.copyEntries();
        return new TimersSnapshot(name, event, TimerHeap.sequences(event), processing, TimerHeap.sequences(processing));
    }

    /**
     * Registers timers restored from a checkpoint, in their order; schedules the earliest
     * processing-time timer (one already due fires as soon as the task gets to it).
     */
    @SuppressWarnings("unchecked")
    public void restoreTimers(RestoredTimers timers) {
        for (RestoredTimers.Timer t : timers.eventTime()) {
            eventTimeTimers.add(t.timestamp(), (K) t.key(), (N) t.namespace());
        }
        for (RestoredTimers.Timer t : timers.processingTime()) {
            processingTimeTimers.add(t.timestamp(), (K) t.key(), (N) t.namespace());
        }
        TimerHeap.Entry<K, N> first = processingTimeTimers.peek();
        if (first != null && first.getTimestamp() < nextProcessingTime) {
            if (nextProcessingTimer != null) {
                nextProcessingTimer.cancel();
            }
            scheduleProcessingTime(first.getTimestamp());
        }
    }

    public int numEventTimeTimers() {
        return eventTimeTimers.size();
    }

    public int numProcessingTimeTimers() {
        return processingTimeTimers.size();
    }

    /** The pending event-time timers, earliest first. */
    public List<? extends InternalTimer<K, N>> eventTimeTimers() {
        return eventTimeTimers.sorted();
    }

    /** The pending processing-time timers, earliest first. */
    public List<? extends InternalTimer<K, N>> processingTimeTimers() {
        return processingTimeTimers.sorted();
    }
}
