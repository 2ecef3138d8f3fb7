package io.sluice.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.jobmaster.JobDetails;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.jobmaster.SlotOffer;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.resourcemanager.SlotID;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.resourcemanager.TaskManagerInfo;
import io.sluice.runtime.rpc.LocalRpcService;
import io.sluice.runtime.taskmanager.TaskFactory;
import io.sluice.runtime.util.SerializedValue;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TaskExecutor's side of heartbeats, against fake ResourceManager and JobMaster gateways:
 * registration retries, registering again when the ResourceManager goes silent, and freeing the
 * slots of a job whose JobMaster goes silent.
 */
class TaskExecutorHeartbeatTest {
    private static final String RM = "fake-resourcemanager";
    private static final String JM = "fake-jobmaster";
    private static final HeartbeatSettings HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(1));

    private final LocalRpcService rpc = new LocalRpcService();
    private final FakeResourceManager rm = new FakeResourceManager();
    private TaskExecutor te;

    /** Records registrations and freed slots; fails the first {@code failRegistrations} registrations. */
    private static final class FakeResourceManager implements ResourceManagerGateway {
        final AtomicInteger registrations = new AtomicInteger();
        volatile int failRegistrations;
        final List<SlotID> freedSlots = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration) {
            if (registrations.incrementAndGet() <= failRegistrations) {
                return CompletableFuture.failedFuture(new IllegalStateException("not ready"));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unregisterTaskExecutor(String taskManagerId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> requestSlot(JobID jobId, AllocationID allocationId, String jobMasterAddress) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> cancelSlotRequest(AllocationID allocationId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> notifySlotAvailable(SlotID slotId, AllocationID allocationId) {
            freedSlots.add(slotId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<ClusterOverview> getClusterOverview() {
            return CompletableFuture.completedFuture(new ClusterOverview(0, 0, 0));
        }

        @Override
        public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<Map<String, Long>> requestTaskManagerMetrics(String taskManagerId) {
            return CompletableFuture.completedFuture(Map.of());
        }
    }

    /** Accepts every offer and otherwise does nothing; never sends heartbeats by itself. */
    private static final class FakeJobMaster implements JobMasterGateway {
        @Override
        public CompletableFuture<Collection<SlotOffer>> offerSlots(
                TaskExecutorRegistration taskExecutor, Collection<SlotOffer> offers) {
            return CompletableFuture.completedFuture(offers);
        }

        @Override
        public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionStateUpdate update) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> sendOperatorEventToCoordinator(
                ExecutionAttemptID attemptId, OperatorID operatorId, SerializedValue<OperatorEvent> event) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<JobStatus> requestJobStatus() {
            return CompletableFuture.completedFuture(JobStatus.RUNNING);
        }

        @Override
        public CompletableFuture<JobDetails> requestJobDetails() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> disconnectTaskManager(
                String taskManagerId, Collection<AllocationID> allocationIds, String reason) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> acknowledgeCheckpoint(
                ExecutionAttemptID attemptId,
                long checkpointId,
                io.sluice.runtime.checkpoint.CheckpointMetrics metrics,
                io.sluice.runtime.checkpoint.TaskStateSnapshot state) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> declineCheckpoint(
                ExecutionAttemptID attemptId, long checkpointId, io.sluice.runtime.util.SerializedThrowable reason) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> notifyEndOfInput(ExecutionAttemptID attemptId) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private TaskExecutor startTaskExecutor() throws Exception {
        rpc.register(RM, rm);
        rpc.register(JM, new FakeJobMaster());
        te = new TaskExecutor(
                new TaskExecutorConfiguration(
                        "tm-x",
                        "taskexecutor-tm-x",
                        2,
                        TaskManagerOptions.networkConfig(new Configuration()).withoutDataServer(),
                        HEARTBEATS),
                rpc,
                RM,
                TaskFactory.DEFAULT);
        rpc.register(te.getAddress(), te);
        te.start().get(5, TimeUnit.SECONDS);
        return te;
    }

    @AfterEach
    void close() throws Exception {
        if (te != null) {
            te.closeAsync().get(5, TimeUnit.SECONDS);
        }
    }

    /** Answers the TaskExecutor's heartbeats as the ResourceManager would, for {@code millis}. */
    private void resourceManagerHeartbeatsFor(long millis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            te.heartbeatFromResourceManager(RM).get(5, TimeUnit.SECONDS);
            Thread.sleep(50);
        }
    }

    @Test
    void whenRegistrationFails_thenItIsRetriedUntilItSucceeds() throws Exception {
        rm.failRegistrations = 2;

        startTaskExecutor();

        assertThat(rm.registrations.get()).isEqualTo(3);
    }

    @Test
    void
            whenResourceManagerSendsHeartbeats_thenNoNewRegistration_andWhenItFallsSilent_thenTheTaskExecutorRegistersAgain()
                    throws Exception {
        startTaskExecutor();

        resourceManagerHeartbeatsFor(2_000);
        assertThat(rm.registrations.get()).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rm.registrations.get() == 2);
    }

    @Test
    void whenJobMasterFallsSilent_thenItsSlotIsFreedAndReportedToTheResourceManager() throws Exception {
        startTaskExecutor();
        JobID job = JobID.generate();
        AllocationID allocation = new AllocationID();
        SlotID slot = new SlotID("tm-x", 1);
        te.requestSlot(slot, job, allocation, JM).get(5, TimeUnit.SECONDS);

        // While the JobMaster sends heartbeats the slot stays allocated and is reported.
        for (int i = 0; i < 40; i++) {
            TaskExecutorHeartbeatReport report = te.heartbeatFromJobManager(job).get(5, TimeUnit.SECONDS);
            assertThat(report.allocatedSlots())
                    .containsExactly(new TaskExecutorHeartbeatReport.AllocatedSlot(1, allocation, job, JM));
            te.heartbeatFromResourceManager(RM).get(5, TimeUnit.SECONDS);
            Thread.sleep(50);
        }
        assertThat(rm.freedSlots).isEmpty();

        long silentFrom = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !rm.freedSlots.isEmpty());
        long freedAfterMillis = (System.nanoTime() - silentFrom) / 1_000_000;

        assertThat(rm.freedSlots).containsExactly(slot);
        assertThat(freedAfterMillis).isBetween(800L, 4_000L);
        assertThat(te.heartbeatFromResourceManager(RM).get(5, TimeUnit.SECONDS))
                .isEqualTo(new TaskExecutorHeartbeatReport("tm-x", List.of()));
    }

    @Test
    void whenCrashed_thenEveryCallFailsWithRpcConnectionException() throws Exception {
        startTaskExecutor();

        te.simulateCrash();

        assertThat(te.heartbeatFromResourceManager(RM))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseExactlyInstanceOf(io.sluice.runtime.rpc.RpcConnectionException.class)
                .withMessageContaining("TaskManager tm-x (taskexecutor-tm-x) cannot be reached: its process is gone");
    }
}
