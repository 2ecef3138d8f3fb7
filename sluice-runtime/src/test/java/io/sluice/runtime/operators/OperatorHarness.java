package io.sluice.runtime.operators;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.source.Source;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.util.HashMap;
import java.util.List;

/**
 * Sets up one operator on the test thread (which plays the task thread) with a {@link
 * RecordingOutput} and a {@link ManualProcessingTimeService}.
 */
public final class OperatorHarness {
    public final ManualProcessingTimeService time = new ManualProcessingTimeService();
    public final RecordingOutput<Object> output = new RecordingOutput<>();
    public final ExecutionConfig executionConfig = new ExecutionConfig();

    /** Calls {@code setup} on the operator; the caller opens it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends StreamOperator<?>> T setup(
            T operator,
            StreamNode.Kind kind,
            Source<?, ?, ?> source,
            WatermarkStrategy<?> strategy,
            OperatorSpec spec) {
        OperatorConfig config = new OperatorConfig(
                0, "under test", new OperatorID(), kind, source, strategy, spec, null, List.of(), null, List.of());
        TaskInfo taskInfo = new TaskInfo() {
            @Override
            public String getTaskName() {
                return "test";
            }

            @Override
            public String getTaskNameWithSubtasks() {
                return "test (1/1)";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return 0;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return 1;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
        ((StreamOperator) operator)
                .setup(new StreamOperatorParameters(
                        config,
                        output,
                        taskInfo,
                        new JobID(1, 2),
                        executionConfig,
                        getClass().getClassLoader(),
                        new HashMap<>(),
                        (action, description) -> {
                            throw new UnsupportedOperationException("no mailbox in this harness");
                        },
                        time,
                        event -> {}));
        return operator;
    }
}
