package io.sluice.api.connector.sink;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.operators.ProcessingTimeService;

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

    /**
     * The task's processing-time clock and timers (callbacks on the task thread).
     *
     * @throws UnsupportedOperationException if this context has none (hand-made test contexts)
     */
    default ProcessingTimeService getProcessingTimeService() {
        throw new UnsupportedOperationException("This writer context offers no processing-time service");
    }
}
