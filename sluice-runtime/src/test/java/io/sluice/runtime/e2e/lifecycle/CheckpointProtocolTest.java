package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.common.JobStatus;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint protocol end to end on an embedded cluster: barriers flow through keyed exchanges
 * without losing or repeating a record, a bounded job with checkpointing finishes (its tasks wait
 * for the final checkpoint), and retained checkpoints are on disk with readable metadata.
 */
class CheckpointProtocolTest {
    @TempDir
    Path checkpointDir;

    private static MiniCluster cluster() throws Exception {
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2)
                .build());
        cluster.start();
        return cluster;
    }

    @Test
    void whenABoundedJobCheckpointsEvery20Ms_thenItFinishesWithTheExactOutput() throws Exception {
        long n = 300_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpointDir.toString());
        // A checkpoint that never completes fails the job (and this test) after 20 s, not 10 min.
        env.getCheckpointConfig().setCheckpointTimeout(20_000);
        env.fromSequence(1, n)
                .rebalance()
                .map(v -> v * 2)
                .keyBy(v -> v % 7)
                .map(v -> v + 1)
                .setParallelism(2)
                .rebalance()
                .sinkTo(AttemptSink.reset("checkpointed-bounded"));
        JobGraph job = ClusterJobs.jobGraph(env, "checkpointed-bounded");

        try (MiniCluster cluster = cluster()) {
            cluster.executeJobBlocking(job);
        }

        Map<Integer, List<Long>> outputs = AttemptSink.outputs("checkpointed-bounded");
        assertThat(outputs.keySet()).containsExactly(0);
        assertThat(outputs.get(0).stream().sorted().toList())
                .isEqualTo(
                        LongStream.rangeClosed(1, n).map(v -> v * 2 + 1).boxed().toList());
        // A finished job's checkpoints are deleted (NO_EXTERNALIZED_CHECKPOINTS is the default).
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> checkpointDirs(job)
                .isEmpty());
    }

    @Test
    void whenAJobIsCancelledWithRetainOnCancellation_thenTheLastTwoCheckpointsStayReadable() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(30);
        env.getCheckpointConfig().setCheckpointStorage(checkpointDir.toString());
        env.getCheckpointConfig()
                .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getConfiguration().set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        env.fromSource(
                        ProbeSource.create("retained"),
                        io.sluice.api.eventtime.WatermarkStrategy.noWatermarks(),
                        "probe")
                .setParallelism(1)
                .keyBy(v -> v % 3)
                .map(v -> v + 1)
                .sinkTo(AttemptSink.reset("retained"));
        JobGraph job = ClusterJobs.jobGraph(env, "retained");

        try (MiniCluster cluster = cluster()) {
            cluster.submitJob(job).get(10, TimeUnit.SECONDS);
            ProbeSource.channel("retained").offer(5);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checkpointDirs(job).stream()
                    // chk-4 itself is retained only until chk-6 completes (~60 ms), less than a poll.
                    .anyMatch(d -> Long.parseLong(d.getFileName().toString().substring(4)) >= 4));
            cluster.getDispatcherGateway().cancelJob(job.getJobId()).get(10, TimeUnit.SECONDS);
            assertThat(cluster.requestJobResult(job.getJobId())
                            .get(20, TimeUnit.SECONDS)
                            .status())
                    .isEqualTo(JobStatus.CANCELED);
        }

        List<Path> retained = checkpointDirs(job);
        assertThat(retained).hasSize(2);
        long first = Long.parseLong(retained.get(0).getFileName().toString().substring(4));
        long second = Long.parseLong(retained.get(1).getFileName().toString().substring(4));
        assertThat(second).isEqualTo(first + 1);
        for (Path dir : retained) {
            CompletedCheckpoint c = CheckpointMetadata.read(dir, getClass().getClassLoader());
            assertThat(dir.getFileName().toString()).isEqualTo("chk-" + c.checkpointId());
            assertThat(c.jobId()).isEqualTo(job.getJobId());
            assertThat(c.operatorStates().values().stream().map(s -> s.name()))
                    .containsExactly("Source: probe", "Map", "Sink: AttemptSink");
        }
    }

    private List<Path> checkpointDirs(JobGraph job) throws Exception {
        Path jobDir = checkpointDir.resolve(job.getJobId().toString());
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
