package io.sluice.runtime.minicluster;

import static io.sluice.runtime.minicluster.TestJobGraphs.chain;
import static io.sluice.runtime.minicluster.TestJobGraphs.vertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MiniClusterJobExecutionTest {
    private MiniCluster cluster;

    @AfterEach
    void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private FakeTaskFactory startCluster(
            int taskManagers,
            int slots,
            Configuration config,
            Function<io.sluice.runtime.deployment.TaskDeploymentDescriptor, FakeTask.Behavior> behaviors)
            throws Exception {
        FakeTaskFactory factory = new FakeTaskFactory(behaviors);
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slots)
                .setConfiguration(config)
                .setTaskFactory(factory)
                .build());
        cluster.start();
        return factory;
    }

    private static JobResult result(CompletableFuture<JobResult> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void whenThreeVerticesAtParallelismFourShareSlots_thenJobTakesFourSlotsAndFinishesWithMergedAccumulators()
            throws Exception {
        FakeTaskFactory tasks = startCluster(
                2, 2, new Configuration(), tdd -> FakeTask.finishWithCounter("records", tdd.subtaskIndex() + 1));
        JobGraph job = chain("shared", vertex("Source", 4), vertex("Map", 4), vertex("Sink", 4));
        assertThat(job.getMaximumSlotsNeeded()).isEqualTo(4);

        JobClient client = cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        JobExecutionResult result = client.getJobExecutionResult().get(10, TimeUnit.SECONDS);

        assertThat(result.getJobID()).isEqualTo(job.getJobId());
        assertThat(result.getAllAccumulatorResults()).isEqualTo(Map.of("records", 30L));
        assertThat(tasks.created).hasSize(12);
        for (int i = 0; i < 4; i++) {
            String tm = tasks.task("Source", i).getTaskManagerId();
            assertThat(tasks.task("Map", i).getTaskManagerId()).isEqualTo(tm);
            assertThat(tasks.task("Sink", i).getTaskManagerId()).isEqualTo(tm);
        }
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> cluster.getClusterOverview().get().equals(new ClusterOverview(2, 4, 4)));
    }

    @Test
    void whenSubtaskFails_thenJobFailsOthersAreCancelledAndResultCarriesUserException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        FakeTaskFactory tasks = startCluster(
                2,
                1,
                new Configuration(),
                tdd -> tdd.taskName().equals("Map") && tdd.subtaskIndex() == 1
                        ? FakeTask.failWith(boom)
                        : FakeTask.runUntilCancelled());
        JobGraph job = chain("failing", vertex("Source", 2), vertex("Map", 2), vertex("Sink", 2));

        JobClient client = cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        JobResult result = result(cluster.requestJobResult(job.getJobId()));

        String tm = tasks.task("Map", 1).getTaskManagerId();
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failedTask()).isEqualTo("Map (2/2) on TaskManager " + tm);
        Throwable userException = result.failureCause().deserialize(getClass().getClassLoader());
        assertThat(userException).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        List<String> cancelled = tasks.created.stream()
                .filter(FakeTask::wasCancelCalled)
                .map(t -> t.getDescriptor().taskNameWithSubtask())
                .sorted()
                .collect(Collectors.toList());
        assertThat(cancelled).containsExactly("Map (1/2)", "Sink (1/2)", "Sink (2/2)", "Source (1/2)", "Source (2/2)");

        assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'failing' (" + job.getJobId() + ") failed: task 'Map (2/2)' on TaskManager " + tm
                        + " threw java.lang.IllegalStateException: boom")
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void whenRunningJobIsCancelled_thenItEndsCanceledAndEveryTaskWasCancelled() throws Exception {
        FakeTaskFactory tasks = startCluster(1, 2, new Configuration(), tdd -> FakeTask.runUntilCancelled());
        JobGraph job = chain("endless", vertex("Source", 2), vertex("Sink", 2));
        JobClient client = cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> tasks.created.size() == 4 && client.getJobStatus().get() == JobStatus.RUNNING);

        client.cancel().get(10, TimeUnit.SECONDS);
        JobResult result = result(cluster.requestJobResult(job.getJobId()));

        assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(result.failureCause()).isNull();
        assertThat(result.failedTask()).isNull();
        assertThat(tasks.created).allMatch(FakeTask::wasCancelCalled);
        assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'endless' (" + job.getJobId() + ") was cancelled.");
    }

    @Test
    void whenClusterHasTooFewSlots_thenJobFailsAfterTheTimeoutWithExactMessage() throws Exception {
        // Configuration.set(option, Duration) writes Duration.toString() ("PT0.2S"), which the option cannot parse
        // back.
        Configuration config = new Configuration().setString(ClusterOptions.SLOT_REQUEST_TIMEOUT.key(), "200 ms");
        FakeTaskFactory tasks = startCluster(1, 2, config, tdd -> FakeTask.finishWithCounter("n", 1));
        JobGraph job = chain("too-big", vertex("Source", 4), vertex("Sink", 4));

        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        JobResult result = result(cluster.requestJobResult(job.getJobId()));

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failedTask()).isNull();
        assertThat(result.failureCause().getOriginalClassName())
                .isEqualTo("io.sluice.runtime.jobmaster.NoResourceAvailableException");
        assertThat(result.failureCause().deserialize(getClass().getClassLoader()))
                .hasMessage("Could not acquire the required slots for job 'too-big' (" + job.getJobId()
                        + ") within 200 ms: it needs 4 slots (slot sharing group 'default': 4), the cluster has 2"
                        + " slots, 2 free. Add TaskManagers or slots ('taskmanager.numberOfTaskSlots'), lower the"
                        + " job's parallelism, or wait for other jobs to end.");
        assertThat(tasks.created).isEmpty();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> cluster.getClusterOverview().get().equals(new ClusterOverview(1, 2, 2)));
    }

    @Test
    void whenTwoJobsShareTheClusterAndOneFails_thenTheOtherStillFinishes() throws Exception {
        CompletableFuture<JobResult> failedJobResult = new CompletableFuture<>();
        FakeTaskFactory tasks = startCluster(
                2,
                2,
                new Configuration(),
                tdd -> tdd.jobName().equals("bad")
                        ? (tdd.subtaskIndex() == 0
                                ? FakeTask.failWith(new ArithmeticException("/ by zero"))
                                : FakeTask.runUntilCancelled())
                        : FakeTask.finishWhen(failedJobResult));
        JobGraph good = chain("good", vertex("Source", 2), vertex("Sink", 2));
        JobGraph bad = chain("bad", vertex("Source", 2), vertex("Sink", 2));

        cluster.submitJob(good).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tasks.created.size() == 4);
        cluster.submitJob(bad).get(10, TimeUnit.SECONDS);
        JobResult badResult = result(cluster.requestJobResult(bad.getJobId()));
        failedJobResult.complete(badResult);
        JobResult goodResult = result(cluster.requestJobResult(good.getJobId()));

        assertThat(badResult.status()).isEqualTo(JobStatus.FAILED);
        assertThat(badResult.failureCause().deserialize(getClass().getClassLoader()))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("/ by zero");
        assertThat(goodResult.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(cluster.getDispatcherGateway().listJobs().get(10, TimeUnit.SECONDS).stream()
                        .map(m -> m.jobName() + "=" + m.status())
                        .collect(Collectors.toList()))
                .containsExactly("good=FINISHED", "bad=FAILED");
    }

    @Test
    void whenJobWaitsForSlotsHeldByAnotherJob_thenItRunsOnceTheOtherJobIsCancelled() throws Exception {
        FakeTaskFactory tasks = startCluster(
                1,
                2,
                new Configuration(),
                tdd -> tdd.jobName().equals("first")
                        ? FakeTask.runUntilCancelled()
                        : FakeTask.finishWithCounter("n", 1));
        JobGraph first = chain("first", vertex("Source", 2));
        JobGraph second = chain("second", vertex("Source", 2));
        JobClient firstClient = cluster.submitJob(first).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tasks.created.size() == 2);
        JobClient secondClient = cluster.submitJob(second).get(10, TimeUnit.SECONDS);
        assertThat(secondClient.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CREATED);

        firstClient.cancel().get(10, TimeUnit.SECONDS);
        JobExecutionResult secondResult = secondClient.getJobExecutionResult().get(10, TimeUnit.SECONDS);

        assertThat(secondResult.getAllAccumulatorResults()).isEqualTo(Map.of("n", 2L));
        assertThat(firstClient.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    }
}
