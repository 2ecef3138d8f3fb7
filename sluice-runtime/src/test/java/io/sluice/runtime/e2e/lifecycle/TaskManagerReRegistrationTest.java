package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.typeinfo.Types;
import io.sluice.runtime.configuration.HeartbeatManagerOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A TaskManager the ResourceManager forgot (as after a JobManager restart) hears no more heartbeats
 * from it and registers again, keeping the slots its running job holds.
 */
class TaskManagerReRegistrationTest {
    @Test
    void whenResourceManagerForgetsARunningTaskManager_thenItRegistersAgainWithItsAllocatedSlots() throws Exception {
        Configuration conf = new Configuration();
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100));
        conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(1));
        try (MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build())) {
            cluster.start();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            TestSinks.Tally tally = TestSinks.reset("re-register");
            env.fromSource(ProbeSource.create("re-register"), WatermarkStrategy.noWatermarks(), "Probe", Types.LONG)
                    .sinkTo(TestSinks.tallying("re-register"));
            JobClient client =
                    cluster.submitJob(ClusterJobs.jobGraph(env, "probe job")).get(5, TimeUnit.SECONDS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> client.getJobStatus().get() == JobStatus.RUNNING);
            assertThat(overview(cluster)).isEqualTo(new ClusterOverview(1, 2, 1));

            cluster.getResourceManagerGateway().unregisterTaskExecutor("tm-0").get(5, TimeUnit.SECONDS);
            assertThat(overview(cluster)).isEqualTo(new ClusterOverview(0, 0, 0));

            // After heartbeat.timeout without a heartbeat it registers again; its first report
            // tells the ResourceManager which slot the job still holds.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(1, 2, 1)));
            ProbeSource.channel("re-register").offer(7);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tally.count.get() == 1);
            assertThat(tally.sum.get()).isEqualTo(7);
            assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);

            client.cancel().get(5, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> overview(cluster)
                    .equals(new ClusterOverview(1, 2, 2)));
        }
    }

    private static ClusterOverview overview(MiniCluster cluster) throws Exception {
        return cluster.getClusterOverview().get(5, TimeUnit.SECONDS);
    }
}
