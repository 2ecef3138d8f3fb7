package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;

/** A request named a job id the Dispatcher does not know. */
public final class JobNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public JobNotFoundException(JobID jobId) {
        super("No job with id " + jobId + " was submitted to this cluster; list the jobs to see the known ids");
        this.jobId = jobId;
    }

    public JobID getJobId() {
        return jobId;
    }
}
