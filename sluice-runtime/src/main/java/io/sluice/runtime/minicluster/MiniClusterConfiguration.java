package io.sluice.runtime.minicluster;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.taskmanager.TaskFactory;

/**
 * How a {@link MiniCluster} is shaped: number of TaskManagers, slots per TaskManager, the cluster
 * {@link Configuration} and the {@link TaskFactory}. Immutable; build with {@link #builder()}.
 * Unset counts come from the configuration ({@code local.number-taskmanager},
 * {@code taskmanager.numberOfTaskSlots}).
 */
public final class MiniClusterConfiguration {
    private final int numTaskManagers;
    private final int numSlotsPerTaskManager;
    private final Configuration configuration;
    private final TaskFactory taskFactory;

    private MiniClusterConfiguration(Builder b) {
        this.configuration = new Configuration(b.configuration);
        this.numTaskManagers =
                b.numTaskManagers > 0 ? b.numTaskManagers : configuration.get(ClusterOptions.LOCAL_NUMBER_TASK_MANAGER);
        this.numSlotsPerTaskManager = b.numSlotsPerTaskManager > 0
                ? b.numSlotsPerTaskManager
                : configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        this.configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, numSlotsPerTaskManager);
        this.taskFactory = b.taskFactory;
        if (numTaskManagers < 1) {
            throw new IllegalArgumentException("A MiniCluster needs at least 1 TaskManager ('"
                    + ClusterOptions.LOCAL_NUMBER_TASK_MANAGER.key() + "'), was " + numTaskManagers);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int getNumTaskManagers() {
        return numTaskManagers;
    }

    public int getNumSlotsPerTaskManager() {
        return numSlotsPerTaskManager;
    }

    /** The cluster configuration, with the slot count set. A copy. */
    public Configuration getConfiguration() {
        return new Configuration(configuration);
    }

    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    /** Collects the settings; not thread-safe. */
    public static final class Builder {
        private int numTaskManagers = -1;
        private int numSlotsPerTaskManager = -1;
        private Configuration configuration = new Configuration();
        private TaskFactory taskFactory = TaskFactory.DEFAULT;

        public Builder setNumTaskManagers(int n) {
            this.numTaskManagers = n;
            return this;
        }

        public Builder setNumSlotsPerTaskManager(int n) {
            this.numSlotsPerTaskManager = n;
            return this;
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder setTaskFactory(TaskFactory taskFactory) {
            this.taskFactory = taskFactory;
            return this;
        }

        public MiniClusterConfiguration build() {
            return new MiniClusterConfiguration(this);
        }
    }
}
