package io.sluice.runtime.taskmanager;

import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.network.NetworkEnvironment;

/** Creates the task for a deployment; {@link #DEFAULT} creates a real {@link Task}. Tests of the control plane pass small fakes. */
@FunctionalInterface
public interface TaskFactory {
    TaskHandle create(
            TaskDeploymentDescriptor tdd,
            String taskManagerId,
            NetworkEnvironment network,
            ClassLoader userCodeClassLoader,
            TaskManagerActions actions);

    TaskFactory DEFAULT = Task::new;
}
