package io.sluice.api.common;

/** Which parallel instance of which task this is. */
public interface TaskInfo {
    String getTaskName();

    String getTaskNameWithSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();
}
