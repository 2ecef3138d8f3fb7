package io.sluice.test.junit5;

import io.sluice.api.configuration.Configuration;

/**
 * The shape of the cluster a {@link MiniClusterExtension} starts: TaskManagers, slots per
 * TaskManager and the cluster configuration. Defaults: one TaskManager with one slot.
 */
public final class MiniClusterResourceConfiguration {
    private final int numberTaskManagers;
    private final int numberSlotsPerTaskManager;
    private final Configuration configuration;

    private MiniClusterResourceConfiguration(Builder b) {
        if (b.numberTaskManagers < 1 || b.numberSlotsPerTaskManager < 1) {
            throw new IllegalArgumentException("A MiniCluster needs at least one TaskManager with one slot, got "
                    + b.numberTaskManagers + " TaskManagers with " + b.numberSlotsPerTaskManager + " slots each");
        }
        this.numberTaskManagers = b.numberTaskManagers;
        this.numberSlotsPerTaskManager = b.numberSlotsPerTaskManager;
        this.configuration = new Configuration(b.configuration);
    }

    public int getNumberTaskManagers() {
        return numberTaskManagers;
    }

    public int getNumberSlotsPerTaskManager() {
        return numberSlotsPerTaskManager;
    }

    /** All slots of the cluster: the default parallelism of the jobs the tests run. */
    public int getNumberSlots() {
        return numberTaskManagers * numberSlotsPerTaskManager;
    }

    /** A copy of the cluster configuration. */
    public Configuration getConfiguration() {
        return new Configuration(configuration);
    }

    /** Collects the settings; not thread-safe. */
    public static final class Builder {
        private int numberTaskManagers = 1;
        private int numberSlotsPerTaskManager = 1;
        private Configuration configuration = new Configuration();

        public Builder setNumberTaskManagers(int numberTaskManagers) {
            this.numberTaskManagers = numberTaskManagers;
            return this;
        }

        public Builder setNumberSlotsPerTaskManager(int numberSlotsPerTaskManager) {
            this.numberSlotsPerTaskManager = numberSlotsPerTaskManager;
            return this;
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        public MiniClusterResourceConfiguration build() {
            return new MiniClusterResourceConfiguration(this);
        }
    }
}
