package io.sluice.runtime.checkpoint;

import io.sluice.runtime.jobgraph.JobVertexID;

/** One subtask of a job, independent of its attempts. */
public record SubtaskKey(JobVertexID vertexId, int subtaskIndex) {}
