package io.sluice.runtime.e2e.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.e2e.process.programs.ExactlyOnceJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once on the embedded cluster: the job of {@link ExactlyOnceJob} (windows, a keyed
 * process function with timers and map/value state, operator list state, the exactly-once
 * FileSink) with exceptions thrown at random records on its first attempts commits exactly the
 * output of a fault-free run; in at-least-once mode every line of it is there at least once.
 */
class ExactlyOnceEmbeddedTest {
    private static final int PARALLELISM = 3;
    private static final long N = PARALLELISM * ExactlyOnceJob.BLOCK * 1200L;

    @TempDir
    Path dir;

    private List<String> run(String name, CheckpointingMode mode, int failures) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        Path out = dir.resolve(name);
        ExactlyOnceJob.build(
                env, out, N, PARALLELISM, 50, dir.resolve("checkpoints").toString(), mode, 2000, 1, failures);
        env.execute(name);
        return ExactlyOnceJob.committedOutput(out);
    }

    @Test
    void whenExceptionsAreThrownAtRandomRecords_thenTheCommittedOutputEqualsAFaultFreeRun() throws Exception {
        List<String> faultFree = run("fault-free", CheckpointingMode.EXACTLY_ONCE, 0);
        assertThat(faultFree).isEqualTo(ExactlyOnceJob.expectedOutput(N));

        int before = ExactlyOnceJob.INJECTED.get();
        List<String> withFailures = run("with-failures", CheckpointingMode.EXACTLY_ONCE, 3);

        assertThat(ExactlyOnceJob.INJECTED.get() - before).isBetween(1, 3);
        assertThat(withFailures).hasSameSizeAs(faultFree);
        assertThat(withFailures).isEqualTo(faultFree);
    }

    /**
     * At-least-once promises no loss, not exactness: with unaligned barriers a restored state may
     * count a record twice, so this job emits one line per record (through a keyed exchange, so
     * every task has several input channels and barriers are really not aligned).
     */
    @Test
    void atLeastOnce_everyLineOfTheFaultFreeOutputIsThere_duplicatesAllowed() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(30, CheckpointingMode.AT_LEAST_ONCE);
        env.getCheckpointConfig()
                .setCheckpointStorage(dir.resolve("checkpoints").toString());
        Path out = dir.resolve("at-least-once");
        long n = 60_000;
        int before = ExactlyOnceJob.INJECTED.get();
        env.fromSequence(0, n - 1)
                .map(new ExactlyOnceJob.Throttle(500, 1, 3, n))
                .keyBy(v -> v % 5)
                .map(v -> "R," + v)
                .sinkTo(io.sluice.connector.file.sink.FileSink.forRowFormat(
                                out, new io.sluice.connector.file.sink.SimpleStringEncoder<String>())
                        .build());
        env.execute("at-least-once");

        List<String> output = ExactlyOnceJob.committedOutput(out);
        assertThat(ExactlyOnceJob.INJECTED.get() - before).isBetween(1, 3);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : output) {
            counts.merge(line, 1, Integer::sum);
        }
        List<String> missing = java.util.stream.LongStream.range(0, n)
                .mapToObj(v -> "R," + v)
                .filter(l -> !counts.containsKey(l))
                .toList();
        assertThat(missing)
                .as("lines of the fault-free output missing in at-least-once mode")
                .isEmpty();
        assertThat(counts.keySet()).hasSize((int) n);
    }
}
