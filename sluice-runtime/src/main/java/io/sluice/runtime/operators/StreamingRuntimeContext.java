package io.sluice.runtime.operators;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.accumulators.IntCounter;
import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.functions.RuntimeContext;
import java.io.Serializable;
import java.util.Map;

/** The {@link RuntimeContext} of a function inside an operator. Task thread only. */
public class StreamingRuntimeContext implements RuntimeContext {
    private final TaskInfo taskInfo;
    private final JobID jobId;
    private final ClassLoader userCodeClassLoader;
    private final Map<String, Accumulator<?, ?>> accumulators;

    public StreamingRuntimeContext(
            TaskInfo taskInfo,
            JobID jobId,
            ClassLoader userCodeClassLoader,
            Map<String, Accumulator<?, ?>> accumulators) {
        this.taskInfo = taskInfo;
        this.jobId = jobId;
        this.userCodeClassLoader = userCodeClassLoader;
        this.accumulators = accumulators;
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public String getTaskName() {
        return taskInfo.getTaskName();
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return taskInfo.getTaskNameWithSubtasks();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return taskInfo.getIndexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return taskInfo.getNumberOfParallelSubtasks();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return taskInfo.getMaxNumberOfParallelSubtasks();
    }

    @Override
    public int getAttemptNumber() {
        return taskInfo.getAttemptNumber();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.containsKey(name)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists in task "
                    + taskInfo.getTaskNameWithSubtasks() + " and cannot be added again.");
        }
        accumulators.put(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return getOrCreate(name, IntCounter.class, new IntCounter());
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return getOrCreate(name, LongCounter.class, new LongCounter());
    }

    private <A extends Accumulator<?, ?>> A getOrCreate(String name, Class<A> type, A fresh) {
        Accumulator<?, ?> existing = accumulators.get(name);
        if (existing == null) {
            accumulators.put(name, fresh);
            return fresh;
        }
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' is a "
                    + existing.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(existing);
    }
}
