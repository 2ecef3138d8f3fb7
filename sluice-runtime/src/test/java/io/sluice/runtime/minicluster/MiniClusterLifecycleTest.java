package io.sluice.runtime.minicluster;

import static io.sluice.runtime.minicluster.TestJobGraphs.chain;
import static io.sluice.runtime.minicluster.TestJobGraphs.vertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class MiniClusterLifecycleTest {
    private static final List<String> COMPONENT_THREAD_PREFIXES =
            List.of("dispatcher", "resourcemanager", "taskexecutor-", "jobmaster-", "coordinator-");

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static List<String> componentThreads() {
        return liveThreads().stream()
                .map(Thread::getName)
                .filter(n -> COMPONENT_THREAD_PREFIXES.stream().anyMatch(n::startsWith))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void whenClusterWithRunningJobCloses_thenJobIsCancelledAndNoComponentOrNonDaemonThreadRemains() throws Exception {
        Set<Thread> before = liveThreads();
        FakeTaskFactory tasks = new FakeTaskFactory(tdd -> FakeTask.runUntilCancelled());
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2)
                .setTaskFactory(tasks)
                .build());
        cluster.start();
        assertThat(cluster.getClusterOverview().get(10, TimeUnit.SECONDS)).isEqualTo(new ClusterOverview(2, 4, 4));
        JobGraph job = chain("endless", vertex("Source", 3), vertex("Sink", 3));
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tasks.created.size() == 6);
        var dispatcher = cluster.getDispatcherGateway();

        cluster.close();
        cluster.close(); // idempotent

        assertThat(tasks.created).allMatch(FakeTask::wasCancelCalled);
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> componentThreads()
                .isEmpty());
        List<String> newNonDaemon = liveThreads().stream()
                .filter(t ->
                        !before.contains(t) && !t.isDaemon() && !t.getName().startsWith("awaitility"))
                .map(Thread::getName)
                .collect(Collectors.toList());
        assertThat(newNonDaemon).isEmpty();
        assertThatThrownBy(() -> dispatcher.requestJobStatus(job.getJobId()).get(1, TimeUnit.SECONDS))
                .hasMessageContaining("has stopped");
        assertThatThrownBy(() -> cluster.submitJob(job))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The MiniCluster is not running; call start() first (and not after close())");
    }

    @Test
    void whenClusterStartsAndRunsATrivialJob_thenItTakesWellUnderASecond() throws Exception {
        long t0 = System.nanoTime();
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setTaskFactory(new FakeTaskFactory(tdd -> FakeTask.finishWithCounter("n", 3)))
                .build())) {
            cluster.start();
            JobGraph job = chain("tiny", vertex("Source -> Map -> Sink", 1));
            assertThat(cluster.executeJobBlocking(job).<Long>getAccumulatorResult("n"))
                    .isEqualTo(3L);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void whenJobIsListedAfterItFinished_thenDispatcherStillAnswersForIt() throws Exception {
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setTaskFactory(new FakeTaskFactory(tdd -> FakeTask.finishWithCounter("n", 1)))
                .build())) {
            cluster.start();
            JobGraph job = chain("done", vertex("Source", 1));
            cluster.executeJobBlocking(job);
            var dispatcher = cluster.getDispatcherGateway();

            assertThat(dispatcher.requestJobStatus(job.getJobId()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(JobStatus.FINISHED);
            assertThat(dispatcher
                            .requestJobResult(job.getJobId())
                            .get(10, TimeUnit.SECONDS)
                            .status())
                    .isEqualTo(JobStatus.FINISHED);
            assertThat(dispatcher.listJobs().get(10, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
