package io.sluice.runtime.minicluster;

import io.sluice.api.accumulators.LongCounter;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.taskmanager.TaskHandle;
import io.sluice.runtime.taskmanager.TaskManagerActions;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A task without a thread for control-plane tests: on start it reports INITIALIZING and RUNNING,
 * then does what its {@link Behavior} says. Records cancellation and delivered events.
 * Thread-safe (state is volatile; reports may come from any thread).
 */
final class FakeTask implements TaskHandle {
    /** What a fake task does once running. */
    interface Behavior {
        void onRunning(FakeTask task);

        default void onEvent(FakeTask task, OperatorID operator, OperatorEvent event) {}
    }

    static Behavior finishWithCounter(String name, long value) {
        return task -> task.finish(Map.of(name, new LongCounter(value)));
    }

    static Behavior failWith(Throwable error) {
        return task -> task.report(ExecutionState.FAILED, new SerializedThrowable(error), null);
    }

    static Behavior runUntilCancelled() {
        return task -> {};
    }

    /** Finishes (from the thread that completes {@code trigger}) once {@code trigger} completes. */
    static Behavior finishWhen(CompletableFuture<?> trigger) {
        return task -> trigger.whenComplete((r, e) -> task.finish(Map.of()));
    }

    private final TaskDeploymentDescriptor tdd;
    private final String taskManagerId;
    private final TaskManagerActions actions;
    private final Behavior behavior;
    private volatile ExecutionState state = ExecutionState.CREATED;
    private volatile boolean cancelCalled;
    final List<OperatorEvent> receivedEvents = new CopyOnWriteArrayList<>();

    FakeTask(TaskDeploymentDescriptor tdd, String taskManagerId, TaskManagerActions actions, Behavior behavior) {
        this.tdd = tdd;
        this.taskManagerId = taskManagerId;
        this.actions = actions;
        this.behavior = behavior;
    }

    String getTaskManagerId() {
        return taskManagerId;
    }

    boolean wasCancelCalled() {
        return cancelCalled;
    }

    @Override
    public ExecutionAttemptID getAttemptId() {
        return tdd.attemptId();
    }

    @Override
    public TaskDeploymentDescriptor getDescriptor() {
        return tdd;
    }

    @Override
    public ExecutionState getExecutionState() {
        return state;
    }

    @Override
    public void startTaskThread() {
        report(ExecutionState.INITIALIZING, null, null);
        report(ExecutionState.RUNNING, null, null);
        behavior.onRunning(this);
    }

    @Override
    public void cancelExecution() {
        cancelCalled = true;
        report(ExecutionState.CANCELED, null, null);
    }

    @Override
    public void failExternally(Throwable cause) {
        report(ExecutionState.FAILED, new SerializedThrowable(cause), null);
    }

    @Override
    public void deliverOperatorEvent(OperatorID operator, SerializedValue<OperatorEvent> event) {
        OperatorEvent e;
        try {
            e = event.deserialize(getClass().getClassLoader());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        receivedEvents.add(e);
        behavior.onEvent(this, operator, e);
    }

    @Override
    public String toString() {
        return "FakeTask " + tdd.taskNameWithSubtask() + " on " + taskManagerId + " (" + state + ")";
    }

    void sendToCoordinator(OperatorID operator, OperatorEvent event) {
        actions.sendOperatorEventToCoordinator(tdd.attemptId(), operator, SerializedValue.of(event));
    }

    void finish(Map<String, ? extends Serializable> accumulators) {
        report(ExecutionState.FINISHED, null, SerializedValue.of(new HashMap<String, Object>(accumulators)));
    }

    synchronized void report(
            ExecutionState target, SerializedThrowable error, SerializedValue<Map<String, Object>> accs) {
        if (state.isTerminal()) {
            return;
        }
        state = target;
        actions.updateTaskExecutionState(
                new TaskExecutionStateUpdate(tdd.jobId(), tdd.attemptId(), target, error, accs));
    }
}
