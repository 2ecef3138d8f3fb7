package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.HeartbeatManagerOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobmaster.NoResourceAvailableException;
import io.sluice.runtime.jobmaster.TaskManagerLostException;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A TaskManager that dies mid-job (like {@code kill -9}) is detected, leaves the ResourceManager,
 * and the job restarts on a TaskManager started after it, or fails naming the lost TaskManager or
 * the missing slots.
 */
class TaskManagerLossTest {
    private static final long N = 1000;
    /** Counted down when the first attempt reached the middle of its input and stalls there. */
    private static volatile CountDownLatch midway;

    /** On attempt 0, stalls at record 500 (until its task is killed); later attempts pass through. */
    static final class StallOnFirstAttempt extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            if (getRuntimeContext().getAttemptNumber() == 0 && value == N / 2) {
                midway.countDown();
                Thread.sleep(Long.MAX_VALUE);
            }
            return value;
        }
    }

    private static Configuration fastFailureDetection(String restartStrategy) {
        Configuration conf = new Configuration();
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100));
        conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, restartStrategy);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        conf.set(ClusterOptions.SLOT_REQUEST_TIMEOUT, Duration.ofSeconds(2));
        return conf;
    }

    private static MiniCluster cluster(Configuration conf) throws Exception {
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build());
        cluster.start();
        return cluster;
    }

    /** Sequence 1..N, stalled map, keyBy (an all-to-all exchange), times ten, into the attempt sink. */
    private static JobGraph stallingJob(String sinkName, String jobName) {
        midway = new CountDownLatch(1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, N)
                .map(new StallOnFirstAttempt())
                .keyBy(v -> v % 7)
                .map(v -> v * 10)
                .sinkTo(AttemptSink.reset(sinkName));
        return ClusterJobs.jobGraph(env, jobName);
    }

    private static List<Long> expectedOutput() {
        return LongStream.rangeClosed(1, N).map(v -> v * 10).boxed().toList();
    }

    /** The "state" of GET /jobs/{id} on the cluster's REST endpoint. */
    private static String restJobState(MiniCluster cluster, JobGraph job) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cluster.getRestBaseUrl() + "/jobs/" + job.getJobId()))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).path("state").asText();
    }

    private static ClusterOverview overview(MiniCluster cluster) throws Exception {
        return cluster.getClusterOverview().get(5, TimeUnit.SECONDS);
    }

    @Test
    void whenTaskManagerCrashesMidJob_thenItsSlotsLeave_andTheJobRestartsOnANewTaskManagerWithTheExactOutput()
            throws Exception {
        Configuration conf = fastFailureDetection("fixed-delay");
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.PORT, 0);
        try (MiniCluster cluster = cluster(conf)) {
            TaskExecutor tm0 = cluster.getTaskExecutors().get(0);
            JobGraph job = stallingJob("tm-loss-restart", "restart after loss");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();

            tm0.simulateCrash();

            // The crash is seen (the process is unreachable) and the job waits for slots to restart.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> client.getJobStatus().get() == JobStatus.RESTARTING);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(0, 0, 0)));
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RESTARTING);
            assertThat(restJobState(cluster, job)).isEqualTo("RESTARTING");

            TaskExecutor tm1 = cluster.startTaskManager();
            client.getJobExecutionResult().get(10, TimeUnit.SECONDS);

            assertThat(tm1.getTaskManagerId()).isEqualTo("tm-1");
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
            assertThat(restJobState(cluster, job)).isEqualTo("FINISHED");
            Map<Integer, List<Long>> outputs = AttemptSink.outputs("tm-loss-restart");
            assertThat(outputs.keySet()).containsExactly(0, 1);
            assertThat(outputs.get(1)).isEqualTo(expectedOutput());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(1, 2, 2)));

            // A fault-free run on the new TaskManager gives the same output.
            cluster.executeJobBlocking(faultFreeJob());
            assertThat(AttemptSink.outputs("tm-loss-fault-free")).containsExactly(Map.entry(0, expectedOutput()));
        }
    }

    /** The same pipeline without the stalling map, for the fault-free reference run. */
    private static JobGraph faultFreeJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, N).keyBy(v -> v % 7).map(v -> v * 10).sinkTo(AttemptSink.reset("tm-loss-fault-free"));
        return ClusterJobs.jobGraph(env, "fault free");
    }

    @Test
    void whenTaskManagerCrashesAndNoneComesBack_thenTheJobFailsAfterTheSlotTimeoutNamingSlotsNeededAndAvailable()
            throws Exception {
        try (MiniCluster cluster = cluster(fastFailureDetection("fixed-delay"))) {
            JobGraph job = stallingJob("tm-loss-no-slots", "no slots back");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();

            cluster.getTaskExecutors().get(0).simulateCrash();
            ExecutionException e = catchThrowableOfType(
                    () -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS), ExecutionException.class);

            assertThat(e.getCause()).isInstanceOf(JobExecutionException.class);
            JobExecutionException failure = (JobExecutionException) e.getCause();
            assertThat(failure.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(failure.getCause())
                    .isExactlyInstanceOf(NoResourceAvailableException.class)
                    .hasMessage("Could not acquire the required slots for job 'no slots back' (" + job.getJobId()
                            + ") within 2 s: it needs 2 slots (slot sharing group 'default': 2), the cluster has 0"
                            + " slots, 0 free. Add TaskManagers or slots ('taskmanager.numberOfTaskSlots'), lower"
                            + " the job's parallelism, or wait for other jobs to end.");
            assertThat(AttemptSink.outputs("tm-loss-no-slots").keySet()).containsExactly(0);
        }
    }

    @Test
    void whenTaskManagerCrashesWithoutRestartStrategy_thenTheJobFailsNamingTheLostTaskManager() throws Exception {
        try (MiniCluster cluster = cluster(fastFailureDetection("none"))) {
            JobGraph job = stallingJob("tm-loss-none", "no restarts");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();

            cluster.getTaskExecutors().get(0).simulateCrash();
            ExecutionException e = catchThrowableOfType(
                    () -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS), ExecutionException.class);

            JobExecutionException failure = (JobExecutionException) e.getCause();
            assertThat(failure.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(failure.getCause())
                    .isExactlyInstanceOf(TaskManagerLostException.class)
                    .hasMessage("TaskManager tm-0 (taskexecutor-tm-0) is lost: TaskManager tm-0 is unreachable"
                            + " (TaskManager tm-0 (taskexecutor-tm-0) cannot be reached: its process is gone)");
            // The failed task is the first source subtask still running (the other one may have finished).
            assertThat(failure.getMessage())
                    .matches("\\QJob 'no restarts' (" + job.getJobId() + ") failed: task 'Source: Sequence Source ->"
                            + " Map (\\E[12]\\Q/2)' on TaskManager tm-0 threw "
                            + TaskManagerLostException.class.getName()
                            + ": " + failure.getCause().getMessage() + "\\E");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(0, 0, 0)));
        }
    }

    @Test
    void whenTaskManagerHangs_thenItIsLostWhenItsHeartbeatTimesOut_andTheJobRestartsOnANewTaskManager()
            throws Exception {
        try (MiniCluster cluster = cluster(fastFailureDetection("fixed-delay"))) {
            JobGraph job = stallingJob("tm-hang-restart", "restart after hang");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();

            long hungAt = System.nanoTime();
            cluster.getTaskExecutors().get(0).simulateHang();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> client.getJobStatus().get() == JobStatus.RESTARTING);
            long detectedAfterMillis = (System.nanoTime() - hungAt) / 1_000_000;
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(0, 0, 0)));
            cluster.startTaskManager();
            client.getJobExecutionResult().get(10, TimeUnit.SECONDS);

            // The timeout runs from the last answered heartbeat, up to one interval (100 ms) before the hang.
            assertThat(detectedAfterMillis).isBetween(880L, 5_000L);
            assertThat(AttemptSink.outputs("tm-hang-restart")).containsEntry(1, expectedOutput());
            assertThat(AttemptSink.outputs("tm-hang-restart").keySet()).containsExactly(0, 1);
        }
    }

    @Test
    void whenTaskManagerHangsWithoutRestartStrategy_thenTheJobFailsNamingTheTimedOutHeartbeat() throws Exception {
        try (MiniCluster cluster = cluster(fastFailureDetection("none"))) {
            JobGraph job = stallingJob("tm-hang-none", "hang no restarts");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();

            cluster.getTaskExecutors().get(0).simulateHang();
            ExecutionException e = catchThrowableOfType(
                    () -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS), ExecutionException.class);

            JobExecutionException failure = (JobExecutionException) e.getCause();
            assertThat(failure.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(failure.getCause())
                    .isExactlyInstanceOf(TaskManagerLostException.class)
                    .hasMessage("TaskManager tm-0 (taskexecutor-tm-0) is lost: heartbeat of TaskManager tm-0 timed out"
                            + " after 1 s");
        }
    }

    @Test
    void whenTaskManagerCrashesWhileTheJobStillWaitsForSlots_thenItsSlotsAreRequestedAgainWithoutARestart()
            throws Exception {
        Configuration conf = fastFailureDetection("none");
        conf.set(ClusterOptions.SLOT_REQUEST_TIMEOUT, Duration.ofSeconds(8));
        try (MiniCluster cluster = cluster(conf)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
            env.fromSequence(1, N).keyBy(v -> v % 7).map(v -> v * 10).sinkTo(AttemptSink.reset("tm-loss-waiting"));
            JobClient client = cluster.submitJob(ClusterJobs.jobGraph(env, "waits for four slots"))
                    .get(5, TimeUnit.SECONDS);
            // It holds both slots of tm-0 and waits for two more.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(1, 2, 0)));
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.CREATED);

            cluster.getTaskExecutors().get(0).simulateCrash();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(0, 0, 0)));
            cluster.startTaskManager();
            cluster.startTaskManager();
            client.getJobExecutionResult().get(10, TimeUnit.SECONDS);

            // Without a restart strategy, a failure would have failed the job: it ran once, as attempt 0.
            assertThat(AttemptSink.outputs("tm-loss-waiting")).containsExactly(Map.entry(0, expectedOutput()));
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        }
    }

    @Test
    void whenTheJobIsCancelledWhileItWaitsToRestart_thenItEndsCanceled() throws Exception {
        try (MiniCluster cluster = cluster(fastFailureDetection("fixed-delay"))) {
            JobGraph job = stallingJob("tm-loss-cancel", "cancel while restarting");
            JobClient client = cluster.submitJob(job).get(5, TimeUnit.SECONDS);
            assertThat(midway.await(5, TimeUnit.SECONDS)).isTrue();
            cluster.getTaskExecutors().get(0).simulateCrash();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> client.getJobStatus().get() == JobStatus.RESTARTING);

            client.cancel().get(5, TimeUnit.SECONDS);
            ExecutionException e = catchThrowableOfType(
                    () -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS), ExecutionException.class);

            assertThat(((JobExecutionException) e.getCause()).getFinalStatus()).isEqualTo(JobStatus.CANCELED);
            // A TaskManager that comes later gets no work from the cancelled job.
            cluster.startTaskManager();
            Thread.sleep(300);
            assertThat(overview(cluster)).isEqualTo(new ClusterOverview(1, 2, 2));
            assertThat(AttemptSink.outputs("tm-loss-cancel").keySet()).containsExactly(0);
        }
    }
}
