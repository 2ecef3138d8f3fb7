package io.sluice.benchmarks;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the benchmark sinks publish their results when they close. The jobs run on the embedded
 * MiniCluster in the JVM of {@code main()}, so statics are shared with it; this is acceptable in a
 * benchmark, never in runtime code. Call {@link #reset()} before each job.
 */
public final class Results {
    /** Sum of the records the sinks received (mod 2^64). */
    public static final LongAdder SUM = new LongAdder();
    /** Number of records the sinks received. */
    public static final LongAdder COUNT = new LongAdder();
    /** Flushes of sink writers before checkpoints (every sink subtask, every checkpoint). */
    public static final LongAdder CHECKPOINT_FLUSHES = new LongAdder();
    /** P3: the sum of the window counts (must equal N). */
    public static final LongAdder TOTAL = new LongAdder();
    /** P2: the last count each sink saw per word. */
    public static final ConcurrentHashMap<String, Long> WORD_COUNTS = new ConcurrentHashMap<>();
    /** P2: words that two sink subtasks both saw (must stay 0: keyBy sends a word to one subtask). */
    public static final LongAdder WORD_COLLISIONS = new LongAdder();

    private static final AtomicLong FIRST_WRITER_OPEN = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_WRITER_CLOSE = new AtomicLong(Long.MIN_VALUE);

    private Results() {}

    /** A sink writer was created (its task started). */
    public static void writerOpened() {
        long now = System.nanoTime();
        FIRST_WRITER_OPEN.accumulateAndGet(now, Math::min);
    }

    /** A sink writer closed (its input ended). */
    public static void writerClosed() {
        long now = System.nanoTime();
        LAST_WRITER_CLOSE.accumulateAndGet(now, Math::max);
    }

    /** Seconds from the first writer's creation to the last writer's close, 0 if unknown. */
    public static double taskSeconds() {
        long first = FIRST_WRITER_OPEN.get();
        long last = LAST_WRITER_CLOSE.get();
        return first == Long.MAX_VALUE || last == Long.MIN_VALUE ? 0 : (last - first) / 1e9;
    }

    /** The {@code task_seconds=... task_rate=...} fields of a RESULT line. */
    public static String taskFields(long records) {
        double seconds = taskSeconds();
        return String.format(
                Locale.ROOT, " task_seconds=%.3f task_rate=%.0f", seconds, seconds > 0 ? records / seconds : 0.0);
    }

    /** Clears every result. */
    public static void reset() {
        SUM.reset();
        COUNT.reset();
        CHECKPOINT_FLUSHES.reset();
        TOTAL.reset();
        WORD_COUNTS.clear();
        WORD_COLLISIONS.reset();
        FIRST_WRITER_OPEN.set(Long.MAX_VALUE);
        LAST_WRITER_CLOSE.set(Long.MIN_VALUE);
    }
}
