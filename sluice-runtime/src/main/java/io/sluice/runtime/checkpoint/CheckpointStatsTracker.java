package io.sluice.runtime.checkpoint;

import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Counts;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Latest;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.MinMaxAvg;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Restored;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Status;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Summary;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.TaskStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects what the CheckpointCoordinator reports about each checkpoint and answers
 * {@link #snapshot()} for the REST API ({@code GET /jobs/:jobid/checkpoints}).
 *
 * <p>Call order per checkpoint: {@link #reportPending}, then any number of {@link #reportAcknowledged}
 * (one per subtask), then {@link #reportCompleted} or {@link #reportFailed}. Reports about a
 * checkpoint the tracker does not know (never pending, or already ended) are ignored, except a
 * failure, which is counted even without a pending report (a trigger that failed at once).
 * {@link #reportRestored} may come at any time.
 *
 * <p>Memory: the last {@code historySize} checkpoints (pending ones included) with their per-vertex
 * statistics; the summary keeps exact minimum, maximum and sum over all completed checkpoints and
 * the last {@value #SUMMARY_WINDOW} values for the percentiles.
 *
 * <p>Threading: owned by the JobMaster's main thread; not thread-safe. Snapshots are immutable.
 */
public final class CheckpointStatsTracker {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStatsTracker.class);

    /** How many of the latest values the percentiles are computed over. */
    static final int SUMMARY_WINDOW = 10_000;

    private final int historySize;
    /** Vertex id (as text) to its parallelism, in topological order. */
    private final Map<String, Integer> parallelismByVertex;

    private final int numSubtasks;

    // Owned by the JobMaster's main thread.
    /** The last {@code historySize} checkpoints by id, oldest first; pending ones are mutable. */
    private final LinkedHashMap<Long, Tracked> history = new LinkedHashMap<>();
    /** Pending checkpoints, also those that fell out of the history. */
    private final Map<Long, Tracked> pending = new LinkedHashMap<>();

    private long totalCount;
    private long completedCount;
    private long failedCount;
    private long restoredCount;
    private CheckpointStats latestCompleted;
    private CheckpointStats latestSavepoint;
    private CheckpointStats latestFailed;
    private Restored latestRestored;

    private final SummaryStats stateSize = new SummaryStats();
    private final SummaryStats endToEndDuration = new SummaryStats();
    private final SummaryStats alignmentDuration = new SummaryStats();

    /**
     * @param historySize how many checkpoints the history keeps ({@code web.checkpoints.history}, at
     *     least 1)
     * @param parallelismByVertex each job vertex's id (as text) and parallelism: which subtasks must
     *     acknowledge a checkpoint
     */
    public CheckpointStatsTracker(int historySize, Map<String, Integer> parallelismByVertex) {
        if (historySize < 1) {
            throw new IllegalArgumentException("The checkpoint history must keep at least 1 entry, was " + historySize);
        }
        this.historySize = historySize;
        this.parallelismByVertex = new LinkedHashMap<>(parallelismByVertex);
        this.numSubtasks = parallelismByVertex.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    // ------------------------------------------------------------------ reports

    /** Checkpoint {@code id} was triggered at {@code triggerTimestamp}. */
    public void reportPending(long id, long triggerTimestamp, boolean savepoint) {
        if (history.containsKey(id) || pending.containsKey(id)) {
            LOG.warn("Checkpoint {} was reported pending twice; ignoring the second report", id);
            return;
        }
        Tracked t = new Tracked(id, triggerTimestamp, savepoint);
        totalCount++;
        pending.put(id, t);
        addToHistory(t);
    }

    /**
     * Subtask {@code subtaskIndex} of vertex {@code vertexId} acknowledged checkpoint {@code id} at
     * {@code ackTimestamp} with {@code stateSize} bytes, after aligning its barriers for
     * {@code alignmentMillis} and snapshotting for {@code syncMillis} (on the task thread) and
     * {@code asyncMillis} (writing out). A repeated acknowledgement of the same subtask is ignored.
     */
    public void reportAcknowledged(
            long id,
            String vertexId,
            int subtaskIndex,
            long ackTimestamp,
            long stateSize,
            long alignmentMillis,
            long syncMillis,
            long asyncMillis) {
        Tracked t = pending.get(id);
        if (t == null) {
            LOG.debug("Ignoring acknowledgement of checkpoint {} by {} ({}): not pending", id, vertexId, subtaskIndex);
            return;
        }
        Integer parallelism = parallelismByVertex.get(vertexId);
        if (parallelism == null || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            LOG.warn(
                    "Ignoring acknowledgement of checkpoint {} by unknown subtask {} of vertex {}",
                    id,
                    subtaskIndex,
                    vertexId);
            return;
        }
        VertexAcks v = t.vertices.computeIfAbsent(vertexId, k -> new VertexAcks(parallelism));
        if (v.acked[subtaskIndex]) {
            return;
        }
        v.acked[subtaskIndex] = true;
        v.count++;
        v.latestAck = Math.max(v.latestAck, ackTimestamp);
        v.stateSize += stateSize;
        v.alignment = Math.max(v.alignment, alignmentMillis);
        v.sync = Math.max(v.sync, syncMillis);
        v.async = Math.max(v.async, asyncMillis);
        t.acknowledged++;
        t.latestAck = Math.max(t.latestAck, ackTimestamp);
        t.stateSize += stateSize;
        t.alignment = Math.max(t.alignment, alignmentMillis);
    }

    /**
     * Checkpoint {@code id} completed at {@code completionTimestamp}: {@code stateSize} bytes in all,
     * its metadata at {@code externalPath} (null when not externalized).
     */
    public void reportCompleted(long id, long completionTimestamp, long stateSize, String externalPath) {
        Tracked t = pending.remove(id);
        if (t == null) {
            LOG.debug("Ignoring completion of checkpoint {}: not pending", id);
            return;
        }
        t.status = Status.COMPLETED;
        t.stateSize = stateSize;
        if (t.latestAck < 0) {
            t.latestAck = completionTimestamp;
        }
        t.externalPath = externalPath;
        completedCount++;
        CheckpointStats stats = t.freeze();
        replaceInHistory(t, stats);
        if (t.savepoint) {
            latestSavepoint = stats;
        } else {
            latestCompleted = stats;
        }
        this.stateSize.add(stats.stateSize());
        endToEndDuration.add(stats.endToEndDuration());
        alignmentDuration.add(t.alignment);
    }

    /** Checkpoint {@code id} failed (or was declined, expired or aborted) at {@code failureTimestamp}. */
    public void reportFailed(long id, long failureTimestamp, String reason) {
        Tracked t = pending.remove(id);
        if (t == null) {
            if (history.containsKey(id)) {
                LOG.debug("Ignoring failure of checkpoint {}: already ended", id);
                return;
            }
            // Failed before it was reported pending: count it as triggered and failed at once.
            t = new Tracked(id, failureTimestamp, false);
            totalCount++;
            addToHistory(t);
        }
        t.status = Status.FAILED;
        t.failureTimestamp = failureTimestamp;
        t.failureMessage = reason;
        failedCount++;
        CheckpointStats stats = t.freeze();
        replaceInHistory(t, stats);
        latestFailed = stats;
    }

    /** The job restored checkpoint {@code id} from {@code externalPath} at {@code restoreTimestamp}. */
    public void reportRestored(long id, long restoreTimestamp, String externalPath) {
        reportRestored(id, restoreTimestamp, false, externalPath);
    }

    /** As {@link #reportRestored(long, long, String)}, for a savepoint when {@code savepoint}. */
    public void reportRestored(long id, long restoreTimestamp, boolean savepoint, String externalPath) {
        restoredCount++;
        latestRestored = new Restored(id, restoreTimestamp, savepoint, externalPath);
    }

    // ------------------------------------------------------------------ snapshot

    public CheckpointStatsSnapshot snapshot() {
        List<CheckpointStats> h = new ArrayList<>(history.size());
        for (Tracked t : history.values()) {
            h.add(t.frozen != null ? t.frozen : t.freeze());
        }
        Collections.reverse(h);
        MinMaxAvg zero = MinMaxAvg.EMPTY; // no unaligned checkpoints: nothing buffered, processed or persisted
        MinMaxAvg size = stateSize.toMinMaxAvg();
        return new CheckpointStatsSnapshot(
                new Counts(restoredCount, totalCount, pending.size(), completedCount, failedCount),
                new Summary(
                        size, size, endToEndDuration.toMinMaxAvg(), zero, zero, zero, alignmentDuration.toMinMaxAvg()),
                new Latest(latestCompleted, latestSavepoint, latestFailed, latestRestored),
                List.copyOf(h));
    }

    // ------------------------------------------------------------------ internals

    private void addToHistory(Tracked t) {
        history.put(t.id, t);
        Iterator<Long> oldest = history.keySet().iterator();
        while (history.size() > historySize) {
            oldest.next();
            oldest.remove();
        }
    }

    private void replaceInHistory(Tracked t, CheckpointStats stats) {
        t.frozen = stats;
        // Drop the per-vertex acknowledgement bitmaps; the frozen statistics hold what is shown.
        t.vertices.clear();
    }

    /** Acknowledgements of one vertex's subtasks for one checkpoint. */
    private static final class VertexAcks {
        final boolean[] acked;
        int count;
        long latestAck = -1;
        long stateSize;
        long alignment;
        long sync;
        long async;

        VertexAcks(int parallelism) {
            this.acked = new boolean[parallelism];
        }
    }

    /** One checkpoint while the tracker follows it; {@link #frozen} once it ended. */
    private final class Tracked {
        final long id;
        final long triggerTimestamp;
        final boolean savepoint;
        final Map<String, VertexAcks> vertices = new LinkedHashMap<>();
        Status status = Status.IN_PROGRESS;
        int acknowledged;
        long latestAck = -1;
        long stateSize;
        long alignment;
        String externalPath;
        long failureTimestamp = -1;
        String failureMessage;
        CheckpointStats frozen;

        Tracked(long id, long triggerTimestamp, boolean savepoint) {
            this.id = id;
            this.triggerTimestamp = triggerTimestamp;
            this.savepoint = savepoint;
        }

        CheckpointStats freeze() {
            Map<String, TaskStats> tasks = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : parallelismByVertex.entrySet()) {
                VertexAcks v = vertices.get(e.getKey());
                long vLatestAck = v == null ? -1 : v.latestAck;
                long vSize = v == null ? 0 : v.stateSize;
                tasks.put(
                        e.getKey(),
                        new TaskStats(
                                e.getKey(),
                                status,
                                vLatestAck,
                                vSize,
                                vSize,
                                vLatestAck < 0 ? -1 : Math.max(0, vLatestAck - triggerTimestamp),
                                0,
                                0,
                                0,
                                e.getValue(),
                                v == null ? 0 : v.count,
                                v == null ? 0 : v.alignment,
                                v == null ? 0 : v.sync,
                                v == null ? 0 : v.async));
            }
            long endToEnd;
            if (status == Status.FAILED) {
                endToEnd = Math.max(0, failureTimestamp - triggerTimestamp);
            } else {
                endToEnd = latestAck < 0 ? -1 : Math.max(0, latestAck - triggerTimestamp);
            }
            String className =
                    switch (status) {
                        case IN_PROGRESS -> ".PendingCheckpointStatistics";
                        case COMPLETED -> ".CompletedCheckpointStatistics";
                        case FAILED -> ".FailedCheckpointStatistics";
                    };
            return new CheckpointStats(
                    className,
                    id,
                    status,
                    savepoint,
                    savepoint ? "CANONICAL" : null,
                    triggerTimestamp,
                    latestAck,
                    stateSize,
                    stateSize,
                    endToEnd,
                    0,
                    0,
                    0,
                    numSubtasks,
                    acknowledged,
                    savepoint ? "SAVEPOINT" : "CHECKPOINT",
                    Collections.unmodifiableMap(tasks),
                    status == Status.COMPLETED ? externalPath : null,
                    status == Status.COMPLETED ? Boolean.FALSE : null,
                    status == Status.FAILED ? failureTimestamp : null,
                    status == Status.FAILED ? failureMessage : null);
        }
    }

    /** Exact minimum, maximum, sum and count, plus a window of the latest values for percentiles. */
    private static final class SummaryStats {
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long sum;
        private long count;
        private final long[] window = new long[SUMMARY_WINDOW];
        private int windowNext;
        private int windowSize;

        void add(long value) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
            window[windowNext] = value;
            windowNext = (windowNext + 1) % window.length;
            windowSize = Math.min(windowSize + 1, window.length);
        }

        MinMaxAvg toMinMaxAvg() {
            if (count == 0) {
                return MinMaxAvg.EMPTY;
            }
            long[] sorted = Arrays.copyOf(window, windowSize);
            Arrays.sort(sorted);
            return new MinMaxAvg(
                    min,
                    max,
                    sum / count,
                    percentile(sorted, 0.5),
                    percentile(sorted, 0.9),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    percentile(sorted, 0.999));
        }

        /** Interpolates between the values of rank floor(p(n+1)) and the next; clamps at both ends. */
        static double percentile(long[] sorted, double p) {
            int n = sorted.length;
            double pos = p * (n + 1);
            if (pos < 1) {
                return sorted[0];
            }
            if (pos >= n) {
                return sorted[n - 1];
            }
            int lower = (int) Math.floor(pos);
            double fraction = pos - lower;
            return sorted[lower - 1] + fraction * (sorted[lower] - sorted[lower - 1]);
        }
    }
}
