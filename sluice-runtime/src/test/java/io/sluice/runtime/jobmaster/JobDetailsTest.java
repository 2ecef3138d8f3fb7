package io.sluice.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.jobgraph.JobVertexID;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a vertex's subtask states add up to the one state the REST API shows. */
class JobDetailsTest {

    private static ExecutionState aggregate(int parallelism, Object... stateAndCount) {
        Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
        for (ExecutionState s : ExecutionState.values()) {
            counts.put(s, 0);
        }
        for (int i = 0; i < stateAndCount.length; i += 2) {
            counts.put((ExecutionState) stateAndCount[i], (Integer) stateAndCount[i + 1]);
        }
        return new JobDetails.VertexDetails(new JobVertexID(), "v", parallelism, 128, counts).aggregateState();
    }

    @Test
    void whenAllSubtasksFinished_thenVertexIsFinished() {
        assertThat(aggregate(3, ExecutionState.FINISHED, 3)).isEqualTo(ExecutionState.FINISHED);
    }

    @Test
    void whenSomeFinishedAndOthersRunOrDeploy_thenVertexIsRunning() {
        assertThat(aggregate(3, ExecutionState.FINISHED, 2, ExecutionState.DEPLOYING, 1))
                .isEqualTo(ExecutionState.RUNNING);
        assertThat(aggregate(2, ExecutionState.RUNNING, 1, ExecutionState.SCHEDULED, 1))
                .isEqualTo(ExecutionState.RUNNING);
    }

    @Test
    void whenAnySubtaskCancelsOrFailed_thenThatStateWinsInOrderCancelingCanceledFailed() {
        assertThat(aggregate(3, ExecutionState.FAILED, 1, ExecutionState.CANCELING, 1, ExecutionState.RUNNING, 1))
                .isEqualTo(ExecutionState.CANCELING);
        assertThat(aggregate(3, ExecutionState.FAILED, 1, ExecutionState.CANCELED, 2))
                .isEqualTo(ExecutionState.CANCELED);
        assertThat(aggregate(2, ExecutionState.FAILED, 1, ExecutionState.FINISHED, 1))
                .isEqualTo(ExecutionState.FAILED);
    }

    @Test
    void whenNothingRunsYet_thenTheMostAdvancedStartingStateShows() {
        assertThat(aggregate(2, ExecutionState.SCHEDULED, 1, ExecutionState.INITIALIZING, 1))
                .isEqualTo(ExecutionState.INITIALIZING);
        assertThat(aggregate(2, ExecutionState.SCHEDULED, 2)).isEqualTo(ExecutionState.SCHEDULED);
        assertThat(aggregate(2, ExecutionState.CREATED, 2)).isEqualTo(ExecutionState.CREATED);
    }
}
