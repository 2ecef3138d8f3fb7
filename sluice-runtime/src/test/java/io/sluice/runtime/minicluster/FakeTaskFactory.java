package io.sluice.runtime.minicluster;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.taskmanager.TaskFactory;
import io.sluice.runtime.taskmanager.TaskHandle;
import io.sluice.runtime.taskmanager.TaskManagerActions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Creates {@link FakeTask}s with a behavior chosen per deployment, and remembers every task created. Thread-safe. */
final class FakeTaskFactory implements TaskFactory {
    private final Function<TaskDeploymentDescriptor, FakeTask.Behavior> behaviors;
    final List<FakeTask> created = new CopyOnWriteArrayList<>();

    FakeTaskFactory(Function<TaskDeploymentDescriptor, FakeTask.Behavior> behaviors) {
        this.behaviors = behaviors;
    }

    @Override
    public TaskHandle create(
            TaskDeploymentDescriptor tdd,
            String taskManagerId,
            NetworkEnvironment network,
            ClassLoader userCodeClassLoader,
            TaskManagerActions actions) {
        FakeTask task = new FakeTask(tdd, taskManagerId, actions, behaviors.apply(tdd));
        created.add(task);
        return task;
    }

    FakeTask task(String vertexName, int subtask) {
        return created.stream()
                .filter(t -> t.getDescriptor().taskName().equals(vertexName)
                        && t.getDescriptor().subtaskIndex() == subtask)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No task " + vertexName + " #" + subtask + " was created"));
    }

    String taskManagerOf(ExecutionAttemptID attempt) {
        return created.stream()
                .filter(t -> t.getAttemptId().equals(attempt))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No task with attempt " + attempt))
                .getTaskManagerId();
    }
}
