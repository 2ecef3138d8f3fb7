package io.sluice.runtime.minicluster;

import static io.sluice.runtime.minicluster.TestJobGraphs.chain;
import static io.sluice.runtime.minicluster.TestJobGraphs.vertex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobmaster.OperatorCoordinatorException;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorCoordinatorPlumbingTest {
    /** What each test coordinator saw, by test key (providers are serialized, so state lives here). */
    static final Map<String, List<String>> LOGS = new ConcurrentHashMap<>();

    record TextEvent(String text) implements OperatorEvent {}

    /**
     * Answers "ack-<text>" to the subtask that sent an event, once both the event and the subtask's
     * gateway are there (the event may overtake subtaskReady). Fails in handleEventFromOperator if
     * the text starts with "explode".
     */
    static final class EchoCoordinator implements OperatorCoordinator {
        private final List<String> log;
        private final Context context;
        private final Map<Integer, SubtaskGateway> gateways = new TreeMap<>();
        private final Map<Integer, String> pending = new TreeMap<>();

        EchoCoordinator(List<String> log, Context context) {
            this.log = log;
            this.context = context;
        }

        @Override
        public void start() {
            log.add("start parallelism=" + context.currentParallelism() + " thread="
                    + Thread.currentThread().getName().startsWith("coordinator-"));
        }

        @Override
        public void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {
            String text = ((TextEvent) event).text();
            log.add("event " + subtask + "#" + attemptNumber + " " + text);
            if (text.startsWith("explode")) {
                throw new IllegalArgumentException("cannot handle explosions");
            }
            pending.put(subtask, text);
            flush(subtask);
        }

        @Override
        public void subtaskReady(int subtask, int attemptNumber, SubtaskGateway gateway) {
            gateways.put(subtask, gateway);
            flush(subtask);
        }

        private void flush(int subtask) {
            if (gateways.containsKey(subtask) && pending.containsKey(subtask)) {
                gateways.get(subtask).sendEvent(new TextEvent("ack-" + pending.remove(subtask)));
            }
        }

        @Override
        public void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
            log.add("failed " + subtask + "#" + attemptNumber);
        }

        @Override
        public void close() {
            log.add("close");
        }
    }

    record EchoProvider(String key, OperatorID operatorId) implements OperatorCoordinator.Provider {
        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public OperatorCoordinator create(OperatorCoordinator.Context context) {
            return new EchoCoordinator(LOGS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()), context);
        }
    }

    private MiniCluster cluster;

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    private FakeTaskFactory start(OperatorID operator, String text) throws Exception {
        FakeTaskFactory tasks = new FakeTaskFactory(tdd -> tdd.taskName().equals("Source")
                ? new FakeTask.Behavior() {
                    @Override
                    public void onRunning(FakeTask task) {
                        task.sendToCoordinator(operator, new TextEvent(text + "-" + tdd.subtaskIndex()));
                    }

                    @Override
                    public void onEvent(FakeTask task, OperatorID op, OperatorEvent event) {
                        task.finish(Map.of());
                    }
                }
                : FakeTask.finishWithCounter("n", 1));
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setTaskFactory(tasks)
                .build());
        cluster.start();
        return tasks;
    }

    private static JobGraph jobWithCoordinator(String name, OperatorID operator) {
        JobVertex source = vertex("Source", 2);
        source.getOperatorCoordinators().add(SerializedValue.of(new EchoProvider(name, operator)));
        return chain(name, source, vertex("Sink", 2));
    }

    @Test
    void whenTaskSendsEventToCoordinator_thenCoordinatorAnswersTheSameAttemptAndJobFinishes() throws Exception {
        OperatorID operator = new OperatorID(3, 4);
        FakeTaskFactory tasks = start(operator, "hello");
        JobGraph job = jobWithCoordinator("coordinated", operator);

        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        JobResult result = cluster.requestJobResult(job.getJobId()).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(tasks.task("Source", 0).receivedEvents).containsExactly(new TextEvent("ack-hello-0"));
        assertThat(tasks.task("Source", 1).receivedEvents).containsExactly(new TextEvent("ack-hello-1"));
        assertThat(tasks.task("Sink", 0).receivedEvents).isEmpty();
        List<String> log = LOGS.get("coordinated");
        // Coordinators are closed on their own thread after the job ended.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("close"));
        assertThat(log.get(0)).isEqualTo("start parallelism=2 thread=true");
        assertThat(log.subList(1, 3)).containsExactlyInAnyOrder("event 0#0 hello-0", "event 1#0 hello-1");
        assertThat(log).hasSize(4).last().isEqualTo("close");
    }

    @Test
    void whenCoordinatorThrows_thenJobFailsWithAnErrorNamingTheOperator() throws Exception {
        OperatorID operator = new OperatorID(5, 6);
        FakeTaskFactory tasks = start(operator, "explode");
        JobGraph job = jobWithCoordinator("exploding", operator);

        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        JobResult result = cluster.requestJobResult(job.getJobId()).get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failedTask()).isNull();
        Throwable cause = result.failureCause().deserialize(getClass().getClassLoader());
        assertThat(cause)
                .isInstanceOf(OperatorCoordinatorException.class)
                .hasMessage("The coordinator of operator " + operator + " in vertex 'Source' failed in"
                        + " handleEventFromOperator: java.lang.IllegalArgumentException: cannot handle explosions")
                .cause()
                .isInstanceOf(IllegalArgumentException.class);
        // The sinks finish at once; the sources wait for the answer that never comes and are cancelled.
        assertThat(tasks.task("Source", 0).wasCancelCalled()).isTrue();
        assertThat(tasks.task("Source", 1).wasCancelCalled()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> LOGS.get("exploding")
                .contains("close"));
        assertThat(LOGS.get("exploding")).last().isEqualTo("close");
        assertThat(LOGS.get("exploding")).contains("failed 0#0", "failed 1#0");
    }
}
