package io.sluice.api.connector.sink;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;

/** What a {@link Committer} knows when it is created. */
public interface CommitterInitContext {
    TaskInfo getTaskInfo();

    JobID getJobId();

    ClassLoader getUserCodeClassLoader();
}
