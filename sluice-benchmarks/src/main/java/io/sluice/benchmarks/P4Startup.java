package io.sluice.benchmarks;

import io.sluice.api.environment.StreamExecutionEnvironment;
import java.util.Locale;

/**
 * P4, start-up latency: the smallest job, {@code fromData(1L, 2L, 3L) -> summing sink}. Time the whole
 * process from outside; the RESULT line gives {@code execute()} alone and {@code main_to_execute_seconds}
 * (from {@code main()} entry to just before {@code execute()}).
 */
public final class P4Startup {
    private P4Startup() {}

    /** Runs P4 and prints its RESULT line; {@code mainStartNanos} is {@code System.nanoTime()} at main() entry. */
    public static long run(int parallelism, long mainStartNanos) throws Exception {
        Results.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.fromData(1L, 2L, 3L).sinkTo(new SumSink());

        long start = System.nanoTime();
        env.execute("P4 startup");
        long end = System.nanoTime();

        long checksum = Results.SUM.sum();
        Gen.printResult(
                "P4",
                3,
                (end - start) / 1e9,
                "checksum=" + checksum
                        + " outputs=" + Results.COUNT.sum()
                        + String.format(Locale.ROOT, " main_to_execute_seconds=%.3f", (start - mainStartNanos) / 1e9)
                        + Results.taskFields(3)
                        + " parallelism=" + parallelism
                        + " engine=" + Gen.engine());
        return checksum;
    }
}
