package io.sluice.api.functions;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.accumulators.IntCounter;
import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.common.JobID;

/**
 * What a rich function knows about the parallel instance it runs in. Only valid on the task
 * thread.
 */
public interface RuntimeContext {
    JobID getJobId();

    /** The name of the task (the chain of operators), as shown in the plan. */
    String getTaskName();

    /** The name of the task with "(subtask/parallelism)" appended, e.g. {@code "Map (2/4)"}. */
    String getTaskNameWithSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first execution of this subtask, incremented on every restart. */
    int getAttemptNumber();

    ClassLoader getUserCodeClassLoader();

    /**
     * Registers an accumulator under a name unique within the job; the values of all subtasks
     * are merged and returned in the {@code JobExecutionResult}.
     */
    <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);

    /** Returns the counter registered under the name, creating and registering it if needed. */
    IntCounter getIntCounter(String name);

    /** Returns the counter registered under the name, creating and registering it if needed. */
    LongCounter getLongCounter(String name);
}
