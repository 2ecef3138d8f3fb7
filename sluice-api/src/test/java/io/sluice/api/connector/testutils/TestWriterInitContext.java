package io.sluice.api.connector.testutils;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink.WriterInitContext;

/** A writer context for one subtask of a given parallelism and attempt. */
public final class TestWriterInitContext implements WriterInitContext {
    private final int subtask;
    private final int parallelism;
    private final int attempt;

    public TestWriterInitContext(int subtask, int parallelism, int attempt) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.attempt = attempt;
    }

    public TestWriterInitContext(int subtask, int parallelism) {
        this(subtask, parallelism, 0);
    }

    @Override
    public TaskInfo getTaskInfo() {
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return "test-sink";
            }

            @Override
            public String getTaskNameWithSubtasks() {
                return "test-sink (" + (subtask + 1) + "/" + parallelism + ")";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return subtask;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return parallelism;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return attempt;
            }
        };
    }

    @Override
    public JobID getJobId() {
        return new JobID(1, 2);
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return false;
    }
}
