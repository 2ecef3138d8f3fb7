package io.sluice.runtime.e2e.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.configuration.Configuration;
import io.sluice.api.configuration.MemorySize;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.connector.file.sink.FileSink;
import io.sluice.connector.file.sink.SimpleStringEncoder;
import io.sluice.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.sluice.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FileSink in checkpointed jobs on the embedded cluster: parts are committed as checkpoints
 * complete, the last ones with the job's final checkpoint, and a job that fails and restarts from
 * its last completed checkpoint still commits every record exactly once (what the failed attempt
 * wrote after that checkpoint stays hidden and is never committed).
 *
 * <p>Parallelism 1: at 2, a subtask whose final checkpoint completed leaves the job (FINISHED) and
 * the other one sometimes waits forever for its own final checkpoint (seen on the checkpoint core
 * of 06:35 UTC; not a sink issue).
 */
class CheckpointedFileSinkEndToEndTest {
    private static final long N = 20_000;

    @TempDir
    Path out;

    @TempDir
    Path checkpoints;

    /** Slows the stream so checkpoints complete in between; fails once, on the first attempt, at {@code failAt}. */
    static final class SlowFailOnce extends RichMapFunction<Long, String> {
        private final long failAt;

        SlowFailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public String map(Long value) throws Exception {
            if (value % 50 == 0) {
                Thread.sleep(1);
            }
            if (value == failAt && getRuntimeContext().getAttemptNumber() == 0) {
                throw new IllegalStateException("planned failure at " + value);
            }
            return "v" + value;
        }
    }

    @Test
    void whenABoundedJobCheckpoints_thenEveryRecordIsCommittedOnceByTheEnd() throws Exception {
        run(-1, 1);
        assertThat(visibleLines()).isEqualTo(expected());
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void whenACheckpointedJobFailsOnceAndRestarts_thenEveryRecordIsCommittedExactlyOnce() throws Exception {
        run(N * 3 / 4, 1);
        assertThat(visibleLines()).isEqualTo(expected());
    }

    private void run(long failAt, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.fromSequence(1, N)
                .map(new SlowFailOnce(failAt))
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(DefaultRollingPolicy.builder()
                                .withMaxPartSize(new MemorySize(2000))
                                .build())
                        .build());
        JobGraph job = StreamGraphTranslator.toJobGraph(new Pipeline(
                "checkpointed file sink",
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build())) {
            cluster.start();
            cluster.executeJobBlocking(job);
        }
    }

    private static List<String> expected() {
        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= N; i++) {
            expected.add("v" + i);
        }
        expected.sort(null);
        return expected;
    }

    /** Every line of the files a reader sees (names starting with '.' or '_' skipped), sorted. */
    private List<String> visibleLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private List<String> hiddenFiles() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }
}
