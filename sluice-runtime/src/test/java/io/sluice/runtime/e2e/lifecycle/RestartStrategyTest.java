package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A user exception goes through the restart strategy: with fixed-delay and 2 attempts, a job that
 * fails twice finishes on its third attempt with the exact output; one that fails three times fails
 * with the exception of its last attempt; with the default (none) the first failure fails the job.
 */
class RestartStrategyTest {
    private static final long N = 500;

    /** Throws at record 42 while the attempt number is below {@code failingAttempts}. */
    static final class FailOnEarlyAttempts extends RichMapFunction<Long, Long> {
        private final int failingAttempts;

        FailOnEarlyAttempts(int failingAttempts) {
            this.failingAttempts = failingAttempts;
        }

        @Override
        public Long map(Long value) {
            int attempt = getRuntimeContext().getAttemptNumber();
            if (value == 42L && attempt < failingAttempts) {
                throw new IllegalStateException("boom at 42 on attempt " + attempt);
            }
            return value;
        }
    }

    private static MiniCluster cluster(String strategy) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, strategy);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build());
        cluster.start();
        return cluster;
    }

    private static JobGraph job(String sinkName, int failingAttempts) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.fromSequence(1, N)
                .rebalance()
                .map(new FailOnEarlyAttempts(failingAttempts))
                .keyBy(v -> v % 5)
                .map(v -> v + 1000)
                .sinkTo(AttemptSink.reset(sinkName));
        return ClusterJobs.jobGraph(env, "restarts");
    }

    private static List<Long> expectedOutput() {
        return LongStream.rangeClosed(1, N).map(v -> v + 1000).boxed().toList();
    }

    @Test
    void whenUserFunctionFailsOnTheFirstTwoAttempts_thenTheThirdAttemptFinishesWithTheExactOutput() throws Exception {
        try (MiniCluster cluster = cluster("fixed-delay")) {
            cluster.executeJobBlocking(job("restart-twice", 2));

            Map<Integer, List<Long>> outputs = AttemptSink.outputs("restart-twice");
            // Sinks of the failed attempts may have opened (and written some records) or not.
            assertThat(outputs.keySet()).allMatch(attempt -> attempt <= 2);
            assertThat(outputs).containsEntry(2, expectedOutput());
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> cluster.getClusterOverview()
                    .get(5, TimeUnit.SECONDS)
                    .equals(new ClusterOverview(2, 4, 4)));
        }
    }

    @Test
    void whenUserFunctionFailsOnEveryAttempt_thenTheJobFailsAfterTwoRestartsWithTheLastAttemptsException()
            throws Exception {
        try (MiniCluster cluster = cluster("fixed-delay")) {
            JobGraph job = job("restart-exhausted", Integer.MAX_VALUE);

            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(job), JobExecutionException.class);

            assertThat(e.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(e.getCause())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("boom at 42 on attempt 2");
            assertThat(e.getMessage())
                    .matches("\\QJob 'restarts' (" + job.getJobId() + ") failed: task 'Map (\\E[123]\\Q/3)' on"
                            + " TaskManager tm-\\E[01]\\Q threw java.lang.IllegalStateException: boom at 42 on"
                            + " attempt 2\\E");
            assertThat(AttemptSink.outputs("restart-exhausted").keySet()).allMatch(attempt -> attempt <= 2);
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> cluster.getClusterOverview()
                    .get(5, TimeUnit.SECONDS)
                    .equals(new ClusterOverview(2, 4, 4)));
        }
    }

    @Test
    void whenNoRestartStrategyIsSet_thenTheFirstFailureFailsTheJob() throws Exception {
        try (MiniCluster cluster = cluster("none")) {
            JobExecutionException e = catchThrowableOfType(
                    () -> cluster.executeJobBlocking(job("no-restart", Integer.MAX_VALUE)),
                    JobExecutionException.class);

            assertThat(e.getCause())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("boom at 42 on attempt 0");
        }
    }

    @Test
    void whenAProgramConfiguresFixedDelay_thenItsLocalExecutionRestartsToo() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        env.fromSequence(1, N).map(new FailOnEarlyAttempts(1)).sinkTo(AttemptSink.reset("local-restart"));

        env.execute("local restart");

        assertThat(AttemptSink.outputs("local-restart"))
                .containsEntry(1, LongStream.rangeClosed(1, N).boxed().toList());
    }
}
