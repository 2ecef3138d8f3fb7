package io.sluice.api.connector.sink;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;

/** What a writer knows when it is created. */
public interface WriterInitContext {
    TaskInfo getTaskInfo();

    JobID getJobId();

    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    default int getAttemptNumber() {
        return getTaskInfo().getAttemptNumber();
    }

    ClassLoader getUserCodeClassLoader();

    boolean isObjectReuseEnabled();
}
