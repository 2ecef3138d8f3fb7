package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Jobs sharing one MiniCluster, closing a cluster under a running job, and the environment's own life cycle. */
class ClusterLifecycleTest {
    private static final AtomicLong RUNNING_COUNT = new AtomicLong();

    static final class FailAt500 implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (value == 500L) {
                throw new IllegalStateException("record 500 is poisoned");
            }
            return value;
        }
    }

    static final class CountRunning implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            RUNNING_COUNT.incrementAndGet();
            return value;
        }
    }

    @Test
    void whenTwoJobsShareACluster_thenOneFailingLeavesTheOtherToFinishWithExactOutput() throws Exception {
        TestSinks.Tally tally = TestSinks.reset("survivor");
        CountDownLatch gate = TestSinks.closedGate("survivor");
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(3)
                .build())) {
            cluster.start();
            StreamExecutionEnvironment survivorEnv = StreamExecutionEnvironment.createLocalEnvironment(2);
            survivorEnv.fromSequence(1, 20_000).rebalance().sinkTo(TestSinks.gated("survivor", "survivor"));
            JobClient survivor = cluster.submitJob(ClusterJobs.jobGraph(survivorEnv, "survivor"))
                    .get(10, TimeUnit.SECONDS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> survivor.getJobStatus().get() == JobStatus.RUNNING);

            StreamExecutionEnvironment failingEnv = StreamExecutionEnvironment.createLocalEnvironment(1);
            failingEnv.fromSequence(1, 1000).map(new FailAt500()).sinkTo(new DiscardingSink<>());
            JobGraph failingJob = ClusterJobs.jobGraph(failingEnv, "poisoned");
            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(failingJob), JobExecutionException.class);
            assertThat(e.getMessage())
                    .isEqualTo("Job 'poisoned' (" + failingJob.getJobId() + ") failed: task 'Source: Sequence Source"
                            + " -> Map -> Sink: DiscardingSink (1/1)' on TaskManager tm-0 threw"
                            + " java.lang.IllegalStateException: record 500 is poisoned");
            assertThat(survivor.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);

            gate.countDown();
            survivor.getJobExecutionResult().get(30, TimeUnit.SECONDS);

            assertThat(survivor.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
            assertThat(tally.count.get()).isEqualTo(20_000);
            assertThat(tally.sum.get()).isEqualTo(20_000L * 20_001 / 2);
        }
    }

    @Test
    void whenClusterClosesWithARunningJob_thenTheJobIsCancelledAndNoNonDaemonThreadRemains() throws Exception {
        RUNNING_COUNT.set(0);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build());
        cluster.start();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(new CountRunning())
                .name("closed-under-me")
                .sinkTo(new DiscardingSink<>());
        JobClient client =
                cluster.submitJob(ClusterJobs.jobGraph(env, "endless")).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> RUNNING_COUNT.get() > 10_000);
        var result = client.getJobExecutionResult();

        long start = System.nanoTime();
        cluster.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isLessThan(5_000);
        ExecutionException e = catchThrowableOfType(() -> result.get(5, TimeUnit.SECONDS), ExecutionException.class);
        assertThat(e.getCause()).isInstanceOf(JobExecutionException.class);
        assertThat(((JobExecutionException) e.getCause()).getFinalStatus()).isEqualTo(JobStatus.CANCELED);
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> CancellationTest.threadsNamed("closed-under-me")
                .isEmpty());
        List<String> newNonDaemon = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                .map(Thread::getName)
                .filter(n -> !n.startsWith("awaitility"))
                .collect(Collectors.toList());
        assertThat(newNonDaemon).isEmpty();
    }

    @Test
    void whenEnvironmentHasNoSinks_thenExecuteFailsSayingNoOperatorsAreDefined() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 10).map(v -> v + 1);

        assertThatThrownBy(env::execute)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("No operators defined in the streaming program: add a sink (sinkTo, print,"
                        + " executeAndCollect) before execute().");
    }

    @Test
    void whenEnvironmentExecutesTwice_thenTheSecondRunHasOnlyTheSinksAddedSinceTheFirst() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        TestSinks.Tally first = TestSinks.reset("first-run");
        TestSinks.Tally second = TestSinks.reset("second-run");
        env.fromSequence(1, 10).sinkTo(TestSinks.tallying("first-run"));
        env.execute("first run");
        assertThat(first.count.get()).isEqualTo(10);
        assertThat(first.sum.get()).isEqualTo(55);

        env.fromSequence(11, 20).rebalance().sinkTo(TestSinks.tallying("second-run"));
        env.execute("second run");

        assertThat(first.count.get()).isEqualTo(10);
        assertThat(second.count.get()).isEqualTo(10);
        assertThat(second.sum.get()).isEqualTo(155);
        assertThatThrownBy(env::execute)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No operators defined in the streaming program");
    }
}
