package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobmaster.NoResourceAvailableException;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A job needing more slots than the cluster has waits for slot.request.timeout, then fails saying so. */
class SlotShortageTest {
    @Test
    void whenJobNeedsFourSlotsAndClusterHasTwo_thenItFailsAfterTheTimeoutNamingSlotsNeededAndAvailable()
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.SLOT_REQUEST_TIMEOUT, Duration.ofMillis(500));
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build())) {
            cluster.start();
            StreamExecutionEnvironment big = StreamExecutionEnvironment.createLocalEnvironment(4);
            TestSinks.reset("slots-big");
            big.fromSequence(1, 100).sinkTo(TestSinks.tallying("slots-big"));
            JobGraph bigJob = ClusterJobs.jobGraph(big, "four slots");

            long start = System.nanoTime();
            JobExecutionException e =
                    catchThrowableOfType(() -> cluster.executeJobBlocking(bigJob), JobExecutionException.class);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            String reason = "Could not acquire the required slots for job 'four slots' (" + bigJob.getJobId()
                    + ") within 500 ms: it needs 4 slots (slot sharing group 'default': 4), the cluster has 2"
                    + " slots, 2 free. Add TaskManagers or slots ('taskmanager.numberOfTaskSlots'), lower the job's"
                    + " parallelism, or wait for other jobs to end.";
            assertThat(e.getFinalStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(e.getMessage())
                    .isEqualTo("Job 'four slots' (" + bigJob.getJobId() + ") failed: "
                            + NoResourceAvailableException.class.getName() + ": " + reason);
            assertThat(e.getCause())
                    .isExactlyInstanceOf(NoResourceAvailableException.class)
                    .hasMessage(reason);
            assertThat(tookMillis).isBetween(500L, 10_000L);
            assertThat(TestSinks.tally("slots-big").count.get()).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cluster.getClusterOverview()
                    .get(5, TimeUnit.SECONDS)
                    .equals(new ClusterOverview(1, 2, 2)));

            StreamExecutionEnvironment small = StreamExecutionEnvironment.createLocalEnvironment(2);
            TestSinks.Tally tally = TestSinks.reset("slots-small");
            small.fromSequence(1, 1000).rebalance().sinkTo(TestSinks.tallying("slots-small"));
            cluster.executeJobBlocking(ClusterJobs.jobGraph(small, "two slots"));

            assertThat(tally.count.get()).isEqualTo(1000);
            assertThat(tally.sum.get()).isEqualTo(500_500);
        }
    }

    @Test
    void whenJobWaitingForSlotsIsCancelled_thenItEndsCanceledAtOnceAndFreesTheSlotsItHeld() throws Exception {
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build())) {
            cluster.start();
            StreamExecutionEnvironment big = StreamExecutionEnvironment.createLocalEnvironment(4);
            TestSinks.reset("slots-waiting");
            big.fromSequence(1, 100).sinkTo(TestSinks.tallying("slots-waiting"));
            JobClient client = cluster.submitJob(ClusterJobs.jobGraph(big, "waits for slots"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.CREATED);

            client.cancel().get(5, TimeUnit.SECONDS);
            ExecutionException e = catchThrowableOfType(
                    () -> client.getJobExecutionResult().get(5, TimeUnit.SECONDS), ExecutionException.class);

            assertThat(e.getCause()).isInstanceOf(JobExecutionException.class);
            assertThat(((JobExecutionException) e.getCause()).getFinalStatus()).isEqualTo(JobStatus.CANCELED);
            assertThat(TestSinks.tally("slots-waiting").count.get()).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cluster.getClusterOverview()
                    .get(5, TimeUnit.SECONDS)
                    .equals(new ClusterOverview(1, 2, 2)));
        }
    }
}
