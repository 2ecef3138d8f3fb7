package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import java.io.Serializable;

/** One line of the job list. */
public record JobStatusMessage(JobID jobId, String jobName, JobStatus status, long startTimeMillis)
        implements Serializable {}
