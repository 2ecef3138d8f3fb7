package io.sluice.runtime.heartbeat;

import io.sluice.runtime.rpc.RpcConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the peers of one endpoint and tells its {@link Listener} when one is lost.
 *
 * <p>Two kinds of target, both keyed by an id (a TaskManager id, a job id):
 *
 * <ul>
 *   <li><b>active</b> ({@link #monitorTarget} with a {@link HeartbeatTarget}): every {@code interval}
 *       the monitor asks the target for a heartbeat through its gateway; an answer refreshes it. At
 *       most one request per target is outstanding, so a slow peer is not flooded.
 *   <li><b>passive</b> ({@link #monitorTarget} with a null target): the peer sends the heartbeats
 *       and the owner reports each with {@link #receiveHeartbeat}.
 * </ul>
 *
 * <pre>
 * monitorTarget ──► watched ──(answer / receiveHeartbeat)──► watched (refreshed)
 *                      │
 *                      ├──(silent for timeout, seen at a tick)──────────► lost: TIMED OUT
 *                      ├──(request failed with RpcConnectionException)──► lost: UNREACHABLE
 *                      └──(unmonitorTarget)──► forgotten
 * </pre>
 *
 * A lost target is forgotten before the listener is called; watching it again needs a new
 * {@link #monitorTarget}. Other request failures (the peer answered with an error) count as
 * silence: only the timeout or an unreachable process makes a peer lost.
 *
 * <p>Threading: owned by the endpoint's main thread. Every method must be called on it, the listener
 * is called on it, and answers to requests are handed back to it through {@code mainThread}.
 * Time comes from the injected nanosecond clock and the periodic tick from the injected {@link Timer},
 * so a test can drive {@link #tick()} step by step.
 */
public final class HeartbeatMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMonitor.class);

    /** A peer that can be asked for a heartbeat; the future completes with its answer. */
    @FunctionalInterface
    public interface HeartbeatTarget {
        CompletableFuture<?> requestHeartbeat();
    }

    /** Told about lost targets, on the owner's main thread. */
    @FunctionalInterface
    public interface Listener {
        void notifyTargetLost(String targetId, HeartbeatLoss loss);
    }

    /** Runs an action on the owner's main thread after a delay (e.g. {@code RpcEndpoint#schedule}). */
    @FunctionalInterface
    public interface Timer {
        ScheduledFuture<?> schedule(Runnable action, Duration delay);
    }

    private final String owner;
    private final HeartbeatSettings settings;
    private final Executor mainThread;
    private final Timer timer;
    private final LongSupplier nanoClock;
    private final Listener listener;

    private final Map<String, Watched> targets = new LinkedHashMap<>();
    private ScheduledFuture<?> nextTick;
    private boolean stopped;

    /** One watched peer; a new object each time it is monitored again, so stale answers are told apart. */
    private static final class Watched {
        final HeartbeatTarget target;
        long lastHeartbeatNanos;
        boolean requestOutstanding;

        Watched(HeartbeatTarget target, long now) {
            this.target = target;
            this.lastHeartbeatNanos = now;
        }
    }

    /**
     * @param owner names the watching endpoint in logs ("ResourceManager")
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     */
    public HeartbeatMonitor(
            String owner,
            HeartbeatSettings settings,
            Executor mainThread,
            Timer timer,
            LongSupplier nanoClock,
            Listener listener) {
        this.owner = owner;
        this.settings = settings;
        this.mainThread = mainThread;
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.listener = listener;
    }

    public HeartbeatSettings getSettings() {
        return settings;
    }

    /** Starts the periodic tick; the first one runs after one interval. */
    public void start() {
        if (nextTick == null && !stopped) {
            nextTick = timer.schedule(this::periodicTick, settings.interval());
        }
    }

    /** Stops ticking and forgets every target; answers still in flight are ignored. */
    public void stop() {
        stopped = true;
        if (nextTick != null) {
            nextTick.cancel(false);
            nextTick = null;
        }
        targets.clear();
    }

    /**
     * Watches {@code targetId}, as if it had just sent a heartbeat. A null {@code target} makes it
     * passive (see {@link #receiveHeartbeat}). Replaces an earlier target with the same id.
     */
    public void monitorTarget(String targetId, HeartbeatTarget target) {
        if (stopped) {
            return;
        }
        targets.put(targetId, new Watched(target, nanoClock.getAsLong()));
    }

    public void unmonitorTarget(String targetId) {
        targets.remove(targetId);
    }

    public boolean isMonitoring(String targetId) {
        return targets.containsKey(targetId);
    }

    public Set<String> getMonitoredTargets() {
        return Set.copyOf(targets.keySet());
    }

    /** A heartbeat arrived from {@code targetId}; ignored when it is not watched. */
    public void receiveHeartbeat(String targetId) {
        Watched w = targets.get(targetId);
        if (w != null) {
            w.lastHeartbeatNanos = nanoClock.getAsLong();
        }
    }

    private void periodicTick() {
        if (stopped) {
            return;
        }
        try {
            tick();
        } finally {
            if (!stopped) {
                try {
                    nextTick = timer.schedule(this::periodicTick, settings.interval());
                } catch (RejectedExecutionException e) {
                    // The owner's main thread is shutting down: so does the monitor.
                    stopped = true;
                }
            }
        }
    }

    /**
     * One round: declares targets silent for longer than the timeout lost, then asks every active
     * target without an outstanding request for a heartbeat. Called by the periodic timer; tests
     * call it directly.
     */
    public void tick() {
        long now = nanoClock.getAsLong();
        long timeoutNanos = settings.timeout().toNanos();
        for (Map.Entry<String, Watched> e : new ArrayList<>(targets.entrySet())) {
            if (targets.get(e.getKey()) != e.getValue()) {
                continue; // removed or replaced by a listener call during this round
            }
            if (now - e.getValue().lastHeartbeatNanos > timeoutNanos) {
                lose(e.getKey(), e.getValue(), null);
            }
        }
        for (Map.Entry<String, Watched> e : new ArrayList<>(targets.entrySet())) {
            Watched w = e.getValue();
            if (w.target != null && !w.requestOutstanding && targets.get(e.getKey()) == w) {
                request(e.getKey(), w);
            }
        }
    }

    private void request(String targetId, Watched w) {
        w.requestOutstanding = true;
        CompletableFuture<?> answer;
        try {
            answer = w.target.requestHeartbeat();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((ok, error) -> onAnswer(targetId, w, error), mainThread);
    }

    private void onAnswer(String targetId, Watched w, Throwable error) {
        w.requestOutstanding = false;
        if (stopped || targets.get(targetId) != w) {
            return; // forgotten or replaced meanwhile
        }
        if (error == null) {
            w.lastHeartbeatNanos = nanoClock.getAsLong();
            return;
        }
        RpcConnectionException unreachable = findConnectionException(error);
        if (unreachable != null) {
            lose(targetId, w, unreachable);
        } else {
            LOG.debug("{}: heartbeat request to {} failed: {}", owner, targetId, error.toString());
        }
    }

    private void lose(String targetId, Watched w, Throwable cause) {
        targets.remove(targetId, w);
        HeartbeatLoss loss = new HeartbeatLoss(targetId, settings.timeout(), cause);
        LOG.info("{}: {}", owner, loss.describe(targetId));
        listener.notifyTargetLost(targetId, loss);
    }

    private static RpcConnectionException findConnectionException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RpcConnectionException rce) {
                return rce;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
