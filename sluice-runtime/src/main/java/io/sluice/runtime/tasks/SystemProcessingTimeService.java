package io.sluice.runtime.tasks;

import io.sluice.runtime.operators.ProcessingTimeService;
import io.sluice.runtime.tasks.mailbox.TaskMailbox;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock processing time for one task. Timers are scheduled on one daemon thread, created on
 * first use; when due they only post a mail, so callbacks run on the task thread.
 */
final class SystemProcessingTimeService implements ProcessingTimeService {
    private final TaskMailbox mailbox;
    private final String threadName;
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean shutdown;

    SystemProcessingTimeService(TaskMailbox mailbox, String threadName) {
        this.mailbox = mailbox;
        this.threadName = threadName;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (shutdown) {
            throw new IllegalStateException("The timer service of " + threadName + " is shut down");
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "Timer " + threadName);
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
        long delay = Math.max(0, timestamp - getCurrentProcessingTime());
        ScheduledFuture<?> f = timer().schedule(
                        () -> mailbox.put(
                                () -> callback.onProcessingTime(timestamp), "processing-time timer @" + timestamp),
                        delay,
                        TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(ProcessingTimeCallback callback, long initialDelay, long period) {
        ScheduledFuture<?> f = timer().scheduleAtFixedRate(
                        () -> mailbox.put(
                                () -> callback.onProcessingTime(getCurrentProcessingTime()), "periodic timer"),
                        initialDelay,
                        period,
                        TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    synchronized void shutdown() {
        shutdown = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
