package io.sluice.api.common;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The result of a finished job: its id, net run time and the merged accumulator values. */
public class JobExecutionResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulators;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulators) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulators = accumulators == null ? Map.of() : Collections.unmodifiableMap(accumulators);
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Milliseconds from the job's start of running to its end. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms, accumulators="
                + accumulators + "}";
    }
}
