package io.sluice.runtime.executiongraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;
import org.junit.jupiter.api.Test;

class ExecutionGraphStateTransitionTest {
    private static JobGraph oneVertexJob(String name, int parallelism) {
        JobGraph g = new JobGraph(new JobID(1, 2), name, new ExecutionConfig());
        g.addVertex(new JobVertex(new JobVertexID(), "Map", parallelism, 128, "default", new byte[0], false));
        return g;
    }

    @Test
    void whenExecutionSkipsDeployment_thenTransitionIsRejectedAndStateUnchanged() {
        ExecutionGraph graph = new ExecutionGraph(oneVertexJob("job", 2));
        Execution e = graph.getCurrentExecutions().get(1);

        assertThatThrownBy(() -> e.transitionState(ExecutionState.RUNNING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Illegal state transition of Map (2/2) (attempt #0, " + e.getAttemptId()
                        + "): CREATED -> RUNNING (allowed: [SCHEDULED, DEPLOYING, CANCELING, CANCELED, FAILED])");
        assertThat(e.getState()).isEqualTo(ExecutionState.CREATED);
    }

    @Test
    void whenExecutionFollowsTheLifeCycle_thenEveryStepIsAcceptedAndFinishedIsFinal() {
        ExecutionGraph graph = new ExecutionGraph(oneVertexJob("job", 1));
        Execution e = graph.getCurrentExecutions().get(0);

        e.transitionState(ExecutionState.SCHEDULED);
        e.transitionState(ExecutionState.DEPLOYING);
        e.transitionState(ExecutionState.INITIALIZING);
        e.transitionState(ExecutionState.RUNNING);
        e.transitionState(ExecutionState.FINISHED);

        assertThat(graph.allCurrentExecutionsFinished()).isTrue();
        assertThatThrownBy(() -> e.transitionState(ExecutionState.CANCELING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenJobGoesFromCreatedToFinished_thenTransitionIsRejected() {
        ExecutionGraph graph = new ExecutionGraph(oneVertexJob("wc", 1));

        assertThatThrownBy(() -> graph.transitionState(JobStatus.FINISHED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Illegal state transition of job 'wc' (" + new JobID(1, 2)
                                + "): CREATED -> FINISHED (allowed: [RUNNING, FAILING, FAILED, CANCELLING, CANCELED, RESTARTING])");
        graph.transitionState(JobStatus.RUNNING);
        graph.transitionState(JobStatus.FAILING);
        graph.transitionState(JobStatus.FAILED);
        assertThat(graph.getState()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void whenProducedDataSetHasNoConsumer_thenGraphConstructionFailsNamingTheVertex() {
        JobGraph g = oneVertexJob("dangling", 1);
        IntermediateDataSetID ds = new IntermediateDataSetID(0, 7);
        g.getVertices().get(0).getProducedDataSets().add(ds);

        assertThatThrownBy(() -> new ExecutionGraph(g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Job 'dangling': vertex 'Map' produces data set " + ds + " that no vertex consumes;"
                        + " every produced data set needs exactly one consuming JobEdge");
    }
}
