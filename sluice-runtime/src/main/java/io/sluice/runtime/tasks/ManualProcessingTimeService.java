package io.sluice.runtime.tasks;

import io.sluice.runtime.operators.ProcessingTimeService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Processing time that moves only when a test says so: {@link #advanceTo} runs, on the calling
 * thread and in time order, every callback that became due. For test harnesses, where the calling
 * thread plays the task thread.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong((Scheduled s) -> s.time).thenComparingLong(s -> s.sequence));
    private long now;
    private long sequence;

    public ManualProcessingTimeService() {
        this(0);
    }

    public ManualProcessingTimeService(long startTime) {
        this.now = startTime;
    }

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    @Override
    public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
        Scheduled s = new Scheduled(timestamp, 0, callback, sequence++);
        queue.add(s);
        return () -> queue.remove(s);
    }

    @Override
    public Cancellable scheduleAtFixedRate(ProcessingTimeCallback callback, long initialDelay, long period) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Scheduled s = new Scheduled(now + initialDelay, period, callback, sequence++);
        queue.add(s);
        return () -> {
            s.cancelled = true;
            queue.remove(s);
        };
    }

    /**
     * Moves the clock to {@code time} (never back) and runs the callbacks due by then, each with
     * the clock set to its own time, then leaves the clock at {@code time}.
     */
    public void advanceTo(long time) throws Exception {
        if (time < now) {
            throw new IllegalArgumentException("Processing time cannot go back from " + now + " to " + time);
        }
        Scheduled s;
        while ((s = queue.peek()) != null && s.time <= time) {
            queue.poll();
            now = Math.max(now, s.time);
            s.callback.onProcessingTime(s.time);
            if (s.period > 0 && !s.cancelled) {
                s.time += s.period; // the same object, so its cancel handle still works
                s.sequence = sequence++;
                queue.add(s);
            }
        }
        now = time;
    }

    /** The number of pending callbacks (periodic ones count once). */
    public int numPendingTimers() {
        return queue.size();
    }

    /** The times of the pending callbacks, earliest first. */
    public List<Long> pendingTimes() {
        List<Scheduled> all = new ArrayList<>(queue);
        all.sort(queue.comparator());
        return all.stream().map(x -> x.time).toList();
    }

    private static final class Scheduled {
        long time;
        final long period;
        final ProcessingTimeCallback callback;
        long sequence;
        boolean cancelled;

        Scheduled(long time, long period, ProcessingTimeCallback callback, long sequence) {
            this.time = time;
            this.period = period;
            this.callback = callback;
            this.sequence = sequence;
        }
    }
}
