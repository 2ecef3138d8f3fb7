package io.sluice.runtime.taskexecutor;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.network.NetworkConfig;

/**
 * What one TaskExecutor is started with.
 *
 * @param taskManagerId unique in the cluster, shown in logs and error messages ("tm-0")
 * @param address where its gateway is registered in the RPC service
 * @param heartbeatSettings how long the ResourceManager and JobMasters may stay silent before they
 *     count as lost
 */
public record TaskExecutorConfiguration(
        String taskManagerId,
        String address,
        int numberOfSlots,
        NetworkConfig networkConfig,
        HeartbeatSettings heartbeatSettings) {
    /** With the default heartbeat settings. */
    public TaskExecutorConfiguration(
            String taskManagerId, String address, int numberOfSlots, NetworkConfig networkConfig) {
        this(taskManagerId, address, numberOfSlots, networkConfig, HeartbeatSettings.defaults());
    }

    public TaskExecutorConfiguration {
        if (numberOfSlots < 1) {
            throw new IllegalArgumentException("TaskManager '" + taskManagerId + "' needs at least 1 slot ('"
                    + TaskManagerOptions.NUM_TASK_SLOTS.key() + "'), was " + numberOfSlots);
        }
    }

    /** The configuration of TaskManager {@code taskManagerId} from the cluster configuration. */
    public static TaskExecutorConfiguration fromConfiguration(String taskManagerId, Configuration config) {
        return new TaskExecutorConfiguration(
                taskManagerId,
                "taskexecutor-" + taskManagerId,
                config.get(TaskManagerOptions.NUM_TASK_SLOTS),
                TaskManagerOptions.networkConfig(config),
                HeartbeatSettings.fromConfiguration(config));
    }
}
