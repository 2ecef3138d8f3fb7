package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.jobmaster.JobDetails;
import java.io.Serializable;

/**
 * What the Dispatcher knows about one job: its times, its plan and the JobMaster's
 * {@link JobDetails} (live while it runs, the final ones after it ended).
 *
 * @param startTimeMillis when the Dispatcher accepted the job (epoch millis)
 * @param endTimeMillis when the Dispatcher learned it ended; -1 while it runs
 * @param jsonPlan the stream graph as JSON ({@link io.sluice.runtime.graph.JsonPlanGenerator})
 */
public record JobInfo(long startTimeMillis, long endTimeMillis, String jsonPlan, JobDetails details)
        implements Serializable {

    public JobID jobId() {
        return details.jobId();
    }

    public String jobName() {
        return details.jobName();
    }

    public JobStatus status() {
        return details.status();
    }
}
