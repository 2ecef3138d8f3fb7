package io.sluice.runtime.minicluster;

import static io.sluice.runtime.minicluster.TestJobGraphs.connect;
import static io.sluice.runtime.minicluster.TestJobGraphs.graph;
import static io.sluice.runtime.minicluster.TestJobGraphs.vertex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.jobgraph.DistributionPattern;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact partitions and input channels in the deployment descriptors, on 2 TaskManagers with 2 slots each. */
class TaskDeploymentWiringTest {
    private MiniCluster cluster;
    private FakeTaskFactory tasks;

    @BeforeEach
    void startCluster() throws Exception {
        tasks = new FakeTaskFactory(tdd -> FakeTask.finishWithCounter("n", 1));
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2)
                .setTaskFactory(tasks)
                .build());
        cluster.start();
    }

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    private void run(JobGraph job) throws Exception {
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        assertThat(cluster.requestJobResult(job.getJobId())
                        .get(10, TimeUnit.SECONDS)
                        .status())
                .isEqualTo(JobStatus.FINISHED);
    }

    private TaskDeploymentDescriptor tdd(String vertex, int subtask) {
        return tasks.task(vertex, subtask).getDescriptor();
    }

    private ResultPartitionID partition(IntermediateDataSetID ds, String producer, int subtask) {
        return new ResultPartitionID(ds, subtask, tdd(producer, subtask).attemptId());
    }

    private InputChannelDescriptor channel(IntermediateDataSetID ds, String producer, int subtask, int subpartition) {
        String tm = tasks.taskManagerOf(tdd(producer, subtask).attemptId());
        return new InputChannelDescriptor(
                partition(ds, producer, subtask), subpartition, new ProducerLocation(tm, "127.0.0.1", dataPortOf(tm)));
    }

    /**
     * The port of TaskManager {@code tm}'s data server as descriptors carry it: embedded
     * TaskManagers read each other's partitions locally and run no data server, so 0.
     */
    private int dataPortOf(String tm) {
        assertThat(cluster.getTaskExecutors().stream()
                        .filter(te -> te.getTaskManagerId().equals(tm))
                        .findFirst()
                        .orElseThrow()
                        .getNetworkEnvironment()
                        .getDataAddress())
                .isNull();
        return 0;
    }

    @Test
    void whenAllToAllFeedsPointwiseWithFewerConsumers_thenPartitionsAndChannelsMatchEdgeConnections() throws Exception {
        JobVertex a = vertex("A", 4);
        JobVertex b = vertex("B", 4);
        JobVertex c = vertex("C", 2);
        IntermediateDataSetID ab = connect(a, b, DistributionPattern.ALL_TO_ALL);
        IntermediateDataSetID bc = connect(b, c, DistributionPattern.POINTWISE);
        JobGraph job = graph("wiring-1");
        job.addVertex(a);
        job.addVertex(b);
        job.addVertex(c);

        run(job);

        assertThat(tasks.created).hasSize(10);
        for (int i = 0; i < 4; i++) {
            assertThat(tdd("A", i).producedPartitions())
                    .containsExactly(new ResultPartitionDeploymentDescriptor(partition(ab, "A", i), 4));
            assertThat(tdd("A", i).inputGates()).isEmpty();
            assertThat(tdd("B", i).producedPartitions())
                    .containsExactly(new ResultPartitionDeploymentDescriptor(partition(bc, "B", i), 1));
            assertThat(tdd("B", i).inputGates())
                    .containsExactly(new InputGateDeploymentDescriptor(
                            ab,
                            0,
                            List.of(
                                    channel(ab, "A", 0, i),
                                    channel(ab, "A", 1, i),
                                    channel(ab, "A", 2, i),
                                    channel(ab, "A", 3, i))));
        }
        assertThat(tdd("C", 0).producedPartitions()).isEmpty();
        assertThat(tdd("C", 0).inputGates())
                .containsExactly(new InputGateDeploymentDescriptor(
                        bc, 0, List.of(channel(bc, "B", 0, 0), channel(bc, "B", 1, 0))));
        assertThat(tdd("C", 1).inputGates())
                .containsExactly(new InputGateDeploymentDescriptor(
                        bc, 0, List.of(channel(bc, "B", 2, 0), channel(bc, "B", 3, 0))));
        // Slot sharing: subtask i of every vertex runs in the same slot, so on the same TaskManager.
        assertThat(tasks.task("B", 1).getTaskManagerId())
                .isEqualTo(tasks.task("A", 1).getTaskManagerId());
        assertThat(tasks.task("C", 1).getTaskManagerId())
                .isEqualTo(tasks.task("A", 1).getTaskManagerId());
        assertThat(tasks.task("A", 0).getTaskManagerId()).isEqualTo("tm-0");
        assertThat(tasks.task("A", 3).getTaskManagerId()).isEqualTo("tm-1");
    }

    @Test
    void whenPointwiseFansOutAndThenConnectsOneToOne_thenSubpartitionsAndChannelsAreExact() throws Exception {
        JobVertex x = vertex("X", 2);
        JobVertex y = vertex("Y", 4);
        JobVertex z = vertex("Z", 4);
        IntermediateDataSetID xy = connect(x, y, DistributionPattern.POINTWISE);
        IntermediateDataSetID yz = connect(y, z, DistributionPattern.POINTWISE);
        JobGraph job = graph("wiring-2");
        job.addVertex(x);
        job.addVertex(y);
        job.addVertex(z);

        run(job);

        for (int p = 0; p < 2; p++) {
            assertThat(tdd("X", p).producedPartitions())
                    .containsExactly(new ResultPartitionDeploymentDescriptor(partition(xy, "X", p), 2));
        }
        assertThat(tdd("Y", 0).inputGates().get(0).channels()).containsExactly(channel(xy, "X", 0, 0));
        assertThat(tdd("Y", 1).inputGates().get(0).channels()).containsExactly(channel(xy, "X", 0, 1));
        assertThat(tdd("Y", 2).inputGates().get(0).channels()).containsExactly(channel(xy, "X", 1, 0));
        assertThat(tdd("Y", 3).inputGates().get(0).channels()).containsExactly(channel(xy, "X", 1, 1));
        for (int i = 0; i < 4; i++) {
            assertThat(tdd("Y", i).producedPartitions())
                    .containsExactly(new ResultPartitionDeploymentDescriptor(partition(yz, "Y", i), 1));
            assertThat(tdd("Z", i).inputGates())
                    .containsExactly(new InputGateDeploymentDescriptor(yz, 0, List.of(channel(yz, "Y", i, 0))));
        }
    }

    @Test
    void whenTaskIsDeployed_thenDescriptorCarriesJobAndVertexSettings() throws Exception {
        JobVertex v = vertex("Only", 1);
        JobGraph job = graph("settings");
        // A job with jars: the TaskExecutor resolves the key in the cluster's jar store before deploying.
        String key = cluster.getJarStore()
                .put(new java.io.ByteArrayInputStream(new byte[] {'P', 'K', 5, 6}), 100)
                .hex();
        job.getUserJarBlobKeys().add(key);
        job.addVertex(v);

        run(job);

        TaskDeploymentDescriptor d = tdd("Only", 0);
        assertThat(d.jobId()).isEqualTo(job.getJobId());
        assertThat(d.jobName()).isEqualTo("settings");
        assertThat(d.vertexId()).isEqualTo(v.getId());
        assertThat(d.taskNameWithSubtask()).isEqualTo("Only (1/1)");
        assertThat(d.maxParallelism()).isEqualTo(128);
        assertThat(d.attemptNumber()).isZero();
        assertThat(d.executionConfig()).isSameAs(job.getExecutionConfig());
        assertThat(d.taskConfiguration()).isEqualTo("Only".getBytes());
        assertThat(d.userJarBlobKeys()).containsExactly(key);
    }
}
