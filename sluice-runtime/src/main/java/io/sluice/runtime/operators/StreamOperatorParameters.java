package io.sluice.runtime.operators;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.operators.coordination.OperatorEventGateway;
import io.sluice.runtime.tasks.mailbox.MailboxExecutor;
import java.util.Map;

/**
 * What the task gives each operator of its chain.
 *
 * @param accumulators the task's accumulators (shared by its operators), merged by the JobMaster at the end
 * @param checkpointingEnabled whether the job takes checkpoints (a two-phase sink then commits its
 *     last data on the final checkpoint, not at the end of input)
 */
public record StreamOperatorParameters<OUT>(
        OperatorConfig config,
        Output<OUT> output,
        TaskInfo taskInfo,
        JobID jobId,
        ExecutionConfig executionConfig,
        ClassLoader userCodeClassLoader,
        Map<String, Accumulator<?, ?>> accumulators,
        MailboxExecutor mailboxExecutor,
        ProcessingTimeService processingTimeService,
        OperatorEventGateway operatorEventGateway,
        boolean checkpointingEnabled) {

    /** Parameters of a job without checkpoints (harnesses and tests). */
    public StreamOperatorParameters(
            OperatorConfig config,
            Output<OUT> output,
            TaskInfo taskInfo,
            JobID jobId,
            ExecutionConfig executionConfig,
            ClassLoader userCodeClassLoader,
            Map<String, Accumulator<?, ?>> accumulators,
            MailboxExecutor mailboxExecutor,
            ProcessingTimeService processingTimeService,
            OperatorEventGateway operatorEventGateway) {
        this(
                config,
                output,
                taskInfo,
                jobId,
                executionConfig,
                userCodeClassLoader,
                accumulators,
                mailboxExecutor,
                processingTimeService,
                operatorEventGateway,
                false);
    }
}
