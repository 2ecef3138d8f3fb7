package io.sluice.runtime.executiongraph;

/** One parallel subtask of a job vertex and its current attempt. Owned by the JobMaster's main thread. */
public final class ExecutionVertex {
    private final ExecutionJobVertex jobVertex;
    private final int subtaskIndex;
    private Execution currentExecution;

    ExecutionVertex(ExecutionJobVertex jobVertex, int subtaskIndex) {
        this.jobVertex = jobVertex;
        this.subtaskIndex = subtaskIndex;
        this.currentExecution = new Execution(this, 0);
    }

    public ExecutionJobVertex getJobVertex() {
        return jobVertex;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public Execution getCurrentExecution() {
        return currentExecution;
    }

    /**
     * Replaces the current attempt, which must have ended, with a new one numbered one higher (a
     * restart of the job).
     */
    Execution resetForNewExecution() {
        if (!currentExecution.getState().isTerminal()) {
            throw new IllegalStateException(
                    "Cannot restart " + currentExecution + ": it is still " + currentExecution.getState());
        }
        currentExecution = new Execution(this, currentExecution.getAttemptNumber() + 1);
        return currentExecution;
    }

    /** "name (i/n)" with i counted from 1. */
    public String getTaskNameWithSubtask() {
        return jobVertex.getName() + " (" + (subtaskIndex + 1) + "/" + jobVertex.getParallelism() + ")";
    }
}
