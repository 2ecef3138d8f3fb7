package io.sluice.runtime.network;

import io.sluice.runtime.network.partition.ResultPartitionManager;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the TaskManagers of one JVM (an embedded MiniCluster) find each other's partitions, so a
 * consumer on TaskManager B reads a producer on TaskManager A through a local channel. Not a static
 * singleton: the MiniCluster creates one and passes it to every {@link NetworkEnvironment} it
 * creates. Thread-safe.
 */
public final class LocalPartitionDirectory {
    private final ConcurrentHashMap<String, ResultPartitionManager> managers = new ConcurrentHashMap<>();

    void register(String taskManagerId, ResultPartitionManager manager) {
        ResultPartitionManager previous = managers.putIfAbsent(taskManagerId, manager);
        if (previous != null) {
            throw new IllegalStateException("TaskManager id " + taskManagerId + " is already registered in this JVM's"
                    + " partition directory: every TaskManager needs a unique id");
        }
    }

    void unregister(String taskManagerId, ResultPartitionManager manager) {
        managers.remove(taskManagerId, manager);
    }

    /** The partition registry of TaskManager {@code taskManagerId} in this JVM, or null. */
    public ResultPartitionManager lookup(String taskManagerId) {
        return managers.get(taskManagerId);
    }
}
