package io.sluice.runtime.network.partition;

import io.sluice.runtime.deployment.ResultPartitionID;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of the result partitions produced on one TaskManager, where consumer channels ask
 * for subpartitions. Thread-safe: producers register from task threads, consumers look up from
 * theirs (or from a scheduler thread while retrying).
 */
public final class ResultPartitionManager {
    private final String taskManagerId;
    private final ConcurrentHashMap<ResultPartitionID, ResultPartition> partitions = new ConcurrentHashMap<>();
    private volatile boolean shutdown;

    public ResultPartitionManager(String taskManagerId) {
        this.taskManagerId = taskManagerId;
    }

    public String getTaskManagerId() {
        return taskManagerId;
    }

    public void register(ResultPartition partition) {
        if (shutdown) {
            throw new IllegalStateException(
                    "TaskManager " + taskManagerId + " is shutting down; cannot register " + partition);
        }
        ResultPartition previous = partitions.putIfAbsent(partition.getPartitionId(), partition);
        if (previous != null) {
            throw new IllegalStateException("Partition " + partition.getPartitionId() + " is already registered on"
                    + " TaskManager " + taskManagerId + " (by task " + previous.getOwnerTaskName()
                    + "); every execution attempt must produce a new partition id");
        }
    }

    void unregister(ResultPartition partition) {
        partitions.remove(partition.getPartitionId(), partition);
    }

    /** The registered partition, or null. */
    public ResultPartition getPartition(ResultPartitionID partitionId) {
        return partitions.get(partitionId);
    }

    public int getNumberOfRegisteredPartitions() {
        return partitions.size();
    }

    /**
     * Opens subpartition {@code index} of {@code partitionId} for reading.
     *
     * @throws PartitionNotFoundException if the partition is not registered (producer not started
     *     yet, or gone); the caller may retry
     */
    public ResultSubpartitionView createSubpartitionView(
            ResultPartitionID partitionId, int index, BufferAvailabilityListener listener) throws IOException {
        ResultPartition partition = partitions.get(partitionId);
        if (partition == null) {
            throw new PartitionNotFoundException(
                    partitionId, "Partition " + partitionId + " is not registered on TaskManager " + taskManagerId);
        }
        return partition.createSubpartitionView(index, listener);
    }

    /** Releases every partition with {@code cause}; later registrations fail. */
    public void shutdown(Throwable cause) {
        shutdown = true;
        List<ResultPartition> all = new ArrayList<>(partitions.values());
        for (ResultPartition partition : all) {
            partition.release(cause);
        }
        partitions.clear();
    }
}
