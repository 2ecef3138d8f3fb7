package io.sluice.runtime.executiongraph;

import io.sluice.runtime.jobgraph.JobVertex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A job vertex with its parallel subtasks. Owned by the JobMaster's main thread. */
public final class ExecutionJobVertex {
    private final JobVertex jobVertex;
    private final List<ExecutionVertex> subtasks;

    ExecutionJobVertex(JobVertex jobVertex) {
        this.jobVertex = jobVertex;
        List<ExecutionVertex> list = new ArrayList<>(jobVertex.getParallelism());
        for (int i = 0; i < jobVertex.getParallelism(); i++) {
            list.add(new ExecutionVertex(this, i));
        }
        this.subtasks = Collections.unmodifiableList(list);
    }

    public JobVertex getJobVertex() {
        return jobVertex;
    }

    public String getName() {
        return jobVertex.getName();
    }

    public int getParallelism() {
        return jobVertex.getParallelism();
    }

    public List<ExecutionVertex> getSubtasks() {
        return subtasks;
    }
}
