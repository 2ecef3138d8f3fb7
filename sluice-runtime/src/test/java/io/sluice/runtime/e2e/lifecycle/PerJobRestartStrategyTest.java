package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A job's own {@code restart-strategy.*} (from {@code env.getConfiguration()}) travels in its
 * JobGraph and wins over the cluster's for that job only; a job that checkpoints and sets nothing
 * restarts (exponential-delay), as in Flink 2.x.
 */
class PerJobRestartStrategyTest {
    private static final long N = 300;

    private static MiniCluster cluster(Configuration conf) throws Exception {
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .setConfiguration(conf)
                .build());
        cluster.start();
        return cluster;
    }

    /** Parallelism 2; the map throws at record 42 on the first {@code failingAttempts} attempts. */
    private static JobGraph job(String sinkName, int failingAttempts, Configuration jobConf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(jobConf);
        env.setParallelism(2);
        env.fromSequence(1, N)
                .map(new RestartStrategyTest.FailOnEarlyAttempts(failingAttempts))
                .sinkTo(AttemptSink.reset(sinkName));
        return ClusterJobs.jobGraph(env, sinkName);
    }

    private static List<Long> expected() {
        return LongStream.rangeClosed(1, N).boxed().toList();
    }

    private static Configuration fixedDelay(int attempts) {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        return c;
    }

    @Test
    void whenTwoJobsOnOneClusterSetDifferentStrategies_thenOnlyTheOneThatRestartsFinishes() throws Exception {
        Configuration clusterConf = new Configuration();
        clusterConf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        try (MiniCluster cluster = cluster(clusterConf)) {
            JobGraph restarting = job("per-job-restarting", 2, fixedDelay(2));
            JobGraph plain = job("per-job-plain", 1, new Configuration());

            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(cluster, restarting));
            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(plain), JobExecutionException.class);
            first.join();

            assertThat(AttemptSink.outputs("per-job-restarting")).containsEntry(2, expected());
            assertThat(e.getCause())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("boom at 42 on attempt 0");
        }
    }

    @Test
    void whenClusterRestartsButTheJobSaysNone_thenTheJobFailsOnItsFirstFailure() throws Exception {
        try (MiniCluster cluster = cluster(fixedDelay(5))) {
            Configuration none = new Configuration();
            none.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            JobGraph refusing = job("per-job-none", 1, none);
            JobGraph inheriting = job("per-job-inherits", 1, new Configuration());

            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(refusing), JobExecutionException.class);
            cluster.executeJobBlocking(inheriting);

            assertThat(e.getCause()).hasMessage("boom at 42 on attempt 0");
            assertThat(AttemptSink.outputs("per-job-inherits")).containsEntry(1, expected());
        }
    }

    @Test
    void whenJobCheckpointsAndNothingSetsAStrategy_thenItRestartsWithExponentialDelay() throws Exception {
        try (MiniCluster cluster = cluster(new Configuration())) {
            Configuration checkpointing = new Configuration();
            checkpointing.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(10));
            JobGraph job = job("per-job-checkpointing", 1, checkpointing);

            cluster.executeJobBlocking(job);

            assertThat(AttemptSink.outputs("per-job-checkpointing")).containsEntry(1, expected());
        }
    }

    private static void run(MiniCluster cluster, JobGraph job) {
        try {
            cluster.executeJobBlocking(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
