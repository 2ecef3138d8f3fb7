package io.sluice.runtime.checkpoint;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;

/**
 * A triggered checkpoint waiting for its acknowledgements: which task attempts still owe one, the
 * task states received so far, the coordinators' states, and how long the tasks took.
 * JobMaster main thread only.
 */
final class PendingCheckpoint {
    final long checkpointId;
    final long triggerTimestamp;
    final CheckpointStorageLocation location;
    /** The attempts that owe an acknowledgement, and which subtask each is. */
    private final Map<ExecutionAttemptID, SubtaskKey> notYetAcknowledged;

    final Map<SubtaskKey, TaskStateSnapshot> acknowledged = new LinkedHashMap<>();
    private final Map<ExecutionAttemptID, SubtaskKey> tasks;
    Map<io.sluice.runtime.operators.coordination.OperatorID, byte[]> coordinatorStates;
    ScheduledFuture<?> timeout;

    PendingCheckpoint(
            long checkpointId,
            long triggerTimestamp,
            CheckpointStorageLocation location,
            Map<ExecutionAttemptID, SubtaskKey> tasks) {
        this.checkpointId = checkpointId;
        this.triggerTimestamp = triggerTimestamp;
        this.location = location;
        this.tasks = new HashMap<>(tasks);
        this.notYetAcknowledged = new HashMap<>(tasks);
    }

    /** Whether {@code attempt} takes part in this checkpoint. */
    boolean involves(ExecutionAttemptID attempt) {
        return tasks.containsKey(attempt);
    }

    boolean isAcknowledgedBy(ExecutionAttemptID attempt) {
        return tasks.containsKey(attempt) && !notYetAcknowledged.containsKey(attempt);
    }

    /** Records an acknowledgement; false if the attempt owes none (unknown or a repeat). */
    boolean acknowledge(ExecutionAttemptID attempt, TaskStateSnapshot state) {
        SubtaskKey key = notYetAcknowledged.remove(attempt);
        if (key == null) {
            return false;
        }
        acknowledged.put(key, state);
        return true;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty() && coordinatorStates != null;
    }

    /**
     * The completed checkpoint: every operator's state by subtask, from the acknowledgements and,
     * for subtasks that finished earlier, their last state in {@code finishedStates}.
     */
    CompletedCheckpoint toCompleted(
            JobGraph jobGraph, Map<SubtaskKey, TaskStateSnapshot> finishedStates, long completionTimestamp) {
        Map<OperatorID, OperatorState> operatorStates = new LinkedHashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            for (Map.Entry<OperatorID, String> op : v.getOperators().entrySet()) {
                Map<Integer, OperatorSubtaskState> subtasks = new TreeMap<>();
                for (int i = 0; i < v.getParallelism(); i++) {
                    SubtaskKey key = new SubtaskKey(v.getId(), i);
                    TaskStateSnapshot s = acknowledged.get(key);
                    if (s == null) {
                        s = finishedStates.get(key);
                    }
                    OperatorSubtaskState st =
                            s == null ? null : s.operatorStates().get(op.getKey());
                    if (st != null && !st.isEmpty()) {
                        subtasks.put(i, st);
                    }
                }
                operatorStates.put(
                        op.getKey(),
                        new OperatorState(op.getValue(), v.getParallelism(), v.getMaxParallelism(), subtasks));
            }
        }
        return new CompletedCheckpoint(
                jobGraph.getJobId(),
                checkpointId,
                triggerTimestamp,
                completionTimestamp,
                operatorStates,
                coordinatorStates,
                location.directory());
    }

    /** Deletes what the tasks wrote and the checkpoint's directory (any thread). */
    void discard() {
        for (TaskStateSnapshot s : acknowledged.values()) {
            try {
                s.discardState();
            } catch (Exception ignored) {
                // the directory removal below takes what is left
            }
        }
        if (location != null && location.directory() != null) {
            try {
                CompletedCheckpoint.deleteDirectory(java.nio.file.Path.of(location.directory()));
            } catch (Exception ignored) {
                // best effort: an aborted checkpoint's leftovers are harmless
            }
        }
    }
}
