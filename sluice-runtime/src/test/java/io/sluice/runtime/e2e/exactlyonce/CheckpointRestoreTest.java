package io.sluice.runtime.e2e.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.e2e.process.programs.ExactlyOnceJob;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting from retained checkpoints: a job cancelled mid-way and started again from its last
 * retained checkpoint (as {@code bin/sluice run -s} does) commits exactly the output of an
 * uninterrupted run; a damaged {@code _metadata} given to start from fails the job with the file
 * named; a damaged newest checkpoint makes a restart fall back to the previous one.
 */
class CheckpointRestoreTest {
    private static final int PARALLELISM = 3;
    private static final long N = PARALLELISM * ExactlyOnceJob.BLOCK * 1200L;

    @TempDir
    Path dir;

    private static MiniCluster cluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM)
                .setConfiguration(conf)
                .build());
        cluster.start();
        return cluster;
    }

    private static JobGraph jobGraph(StreamExecutionEnvironment env, String name, SavepointRestoreSettings restore) {
        JobGraph job = StreamGraphTranslator.toJobGraph(new Pipeline(
                name,
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
        job.setSavepointRestoreSettings(restore);
        return job;
    }

    /** The exactly-once job, throttled to about 2 s, checkpointing every 100 ms, retained on cancel. */
    private JobGraph exactlyOnceJob(Path out, String name, SavepointRestoreSettings restore, long sleepMs) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        ExactlyOnceJob.build(
                env,
                out,
                N,
                PARALLELISM,
                100,
                dir.resolve("checkpoints").toString(),
                CheckpointingMode.EXACTLY_ONCE,
                200,
                sleepMs,
                0);
        env.getCheckpointConfig()
                .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return jobGraph(env, name, restore);
    }

    @Test
    void aJobCancelledAndStartedFromItsRetainedCheckpoint_commitsExactlyTheUninterruptedOutput() throws Exception {
        Path out = dir.resolve("out");
        try (MiniCluster cluster = cluster()) {
            JobGraph first = exactlyOnceJob(out, "first", SavepointRestoreSettings.none(), 1);
            cluster.submitJob(first).get(10, TimeUnit.SECONDS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> retained(first).size() >= 1
                            && !ExactlyOnceJob.committedOutput(out).isEmpty());
            cluster.getDispatcherGateway().cancelJob(first.getJobId()).get(10, TimeUnit.SECONDS);
            assertThat(cluster.requestJobResult(first.getJobId())
                            .get(30, TimeUnit.SECONDS)
                            .status())
                    .isEqualTo(JobStatus.CANCELED);
            List<Path> retained = retained(first);
            Path latest = retained.get(retained.size() - 1);
            int committedByFirst = ExactlyOnceJob.committedOutput(out).size();
            assertThat(committedByFirst)
                    .isBetween(1, ExactlyOnceJob.expectedOutput(N).size() - 1);

            JobGraph second =
                    exactlyOnceJob(out, "second", SavepointRestoreSettings.forPath(latest.toString(), false), 0);
            cluster.executeJobBlocking(second);
        }

        assertThat(ExactlyOnceJob.difference(ExactlyOnceJob.expectedOutput(N), ExactlyOnceJob.committedOutput(out)))
                .as("output of the cancelled job plus the restored one against an uninterrupted run")
                .isEmpty();
    }

    @Test
    void startingFromADamagedOrMissingMetadataFile_failsTheJobNamingTheFile() throws Exception {
        Path chk = Files.createDirectories(dir.resolve("old-job/chk-7"));
        Path metadata = chk.resolve("_metadata");
        Files.write(metadata, new byte[] {0x53, 0x4C, 0x43, 0x50, 0, 0, 0, 1, 0, 0, 0, 9});
        try (MiniCluster cluster = cluster()) {
            JobGraph job = exactlyOnceJob(
                    dir.resolve("out"), "from-damaged", SavepointRestoreSettings.forPath(chk.toString(), false), 0);
            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(job), JobExecutionException.class);
            assertThat(e.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(e.getCause()).hasMessageStartingWith("Checkpoint metadata file " + metadata + " is truncated");

            Path missing = dir.resolve("old-job/chk-8");
            JobGraph job2 = exactlyOnceJob(
                    dir.resolve("out2"),
                    "from-missing",
                    SavepointRestoreSettings.forPath(missing.toString(), false),
                    0);
            JobExecutionException e2 =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(job2), JobExecutionException.class);
            assertThat(e2.getCause())
                    .hasMessage("Checkpoint path " + missing
                            + " does not exist (expected a checkpoint directory chk-<n> or its _metadata file)");
        }
    }

    /** Throws once, when the test asks for it. */
    static final class FailWhenAsked extends RichMapFunction<Long, Long> {
        static volatile boolean fail;

        @Override
        public Long map(Long v) {
            if (fail) {
                fail = false;
                throw new IllegalStateException("failure asked for by the test at " + v);
            }
            return v;
        }
    }

    @Test
    void whenTheNewestCheckpointsMetadataIsDamaged_aRestartUsesThePreviousOne_andTheOutputIsExact() throws Exception {
        Path out = dir.resolve("out");
        long n = 30_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(3_600_000); // only the checkpoints this test triggers
        env.getCheckpointConfig()
                .setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.getConfiguration().set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        env.fromSequence(0, n - 1)
                .map(new ExactlyOnceJob.Throttle(10, 1, 0, n))
                .map(new FailWhenAsked())
                .keyBy(v -> v % 4)
                .map(v -> "R," + v)
                .sinkTo(io.sluice.connector.file.sink.FileSink.forRowFormat(
                                out, new io.sluice.connector.file.sink.SimpleStringEncoder<String>())
                        .build());
        JobGraph job = jobGraph(env, "damaged-newest", SavepointRestoreSettings.none());
        try (MiniCluster cluster = cluster()) {
            cluster.submitJob(job).get(10, TimeUnit.SECONDS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> cluster.getDispatcherGateway()
                                    .requestJobStatus(job.getJobId())
                                    .get()
                            == JobStatus.RUNNING);
            Thread.sleep(300);
            long older = cluster.getDispatcherGateway()
                    .triggerCheckpoint(job.getJobId())
                    .get(20, TimeUnit.SECONDS);
            Thread.sleep(300);
            long newest = cluster.getDispatcherGateway()
                    .triggerCheckpoint(job.getJobId())
                    .get(20, TimeUnit.SECONDS);
            Path newestMetadata = dir.resolve("checkpoints")
                    .resolve(job.getJobId().toString())
                    .resolve("chk-" + newest)
                    .resolve(CheckpointMetadata.METADATA_FILE);
            byte[] bytes = Files.readAllBytes(newestMetadata);
            bytes[bytes.length - 5] ^= 0x21;
            Files.write(newestMetadata, bytes);

            FailWhenAsked.fail = true;
            JobStatus status = cluster.requestJobResult(job.getJobId())
                    .get(60, TimeUnit.SECONDS)
                    .status();
            assertThat(status).isEqualTo(JobStatus.FINISHED);
            CheckpointStatsSnapshot stats = cluster.getDispatcherGateway()
                    .requestCheckpointStats(job.getJobId())
                    .get(10, TimeUnit.SECONDS);
            assertThat(stats.latest().restored().id()).isEqualTo(older);
        }
        assertThat(ExactlyOnceJob.difference(
                        java.util.stream.LongStream.range(0, n)
                                .mapToObj(v -> "R," + v)
                                .sorted()
                                .toList(),
                        ExactlyOnceJob.committedOutput(out)))
                .isEmpty();
    }

    private List<Path> retained(JobGraph job) throws Exception {
        Path jobDir = dir.resolve("checkpoints").resolve(job.getJobId().toString());
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> Files.exists(d.resolve(CheckpointMetadata.METADATA_FILE)))
                    .sorted((a, b) -> Long.compare(
                            Long.parseLong(a.getFileName().toString().substring(4)),
                            Long.parseLong(b.getFileName().toString().substring(4))))
                    .toList();
        }
    }
}
