package io.sluice.runtime.rest.handler;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.rest.RestRequest;
import io.sluice.runtime.rest.RestResponse;
import io.sluice.runtime.rest.messages.JobResultMessages;
import io.sluice.runtime.rest.messages.JobResultMessages.FailureCause;
import io.sluice.runtime.rest.messages.JobResultMessages.JobExecutionResultInfo;
import io.sluice.runtime.rest.messages.JobResultMessages.JobExecutionResultResponseBody;
import io.sluice.runtime.rest.messages.JobResultMessages.QueueStatus;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/status}: the job's status alone, for clients that poll it.
 *
 * <p>{@code GET /jobs/:jobid/execution-result}: what a remote client needs to turn an ended job into
 * what {@code execute()} returns or throws. Answers {@code IN_PROGRESS} at once while the job runs
 * (clients poll), so no REST thread ever waits for a job to end.
 *
 * <p>Accumulators and the failure travel Java-serialized (base64) because they may hold user
 * classes that only the client's class loader knows; the failure also comes as text.
 */
public final class JobExecutionResultHandler {
    private final DispatcherGateway dispatcher;

    public JobExecutionResultHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** {@code {"status": "RUNNING"}}. */
    public CompletableFuture<RestResponse> status(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        return dispatcher
                .requestJobStatus(id)
                .thenApply(status -> RestResponse.ok(new JobResultMessages.JobStatusInfo(status.name())));
    }

    public CompletableFuture<RestResponse> executionResult(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        return dispatcher.requestJobStatus(id).thenCompose(status -> {
            if (!status.isTerminal()) {
                return CompletableFuture.completedFuture(RestResponse.ok(
                        new JobExecutionResultResponseBody(new QueueStatus(JobResultMessages.IN_PROGRESS), null)));
            }
            return dispatcher
                    .requestJobResult(id)
                    .thenApply(result -> RestResponse.ok(new JobExecutionResultResponseBody(
                            new QueueStatus(JobResultMessages.COMPLETED), info(result))));
        });
    }

    private static JobExecutionResultInfo info(JobResult result) {
        SerializedThrowable cause = result.failureCause();
        FailureCause failure = cause == null
                ? null
                : new FailureCause(
                        cause.getOriginalClassName(),
                        cause.getFullStackTrace(),
                        base64(SerializedValue.of(cause).getBytes()));
        return new JobExecutionResultInfo(
                result.jobId().toHexString(),
                result.jobName(),
                applicationStatus(result.status()),
                result.status().name(),
                result.netRuntimeMillis(),
                result.accumulators() == null
                        ? null
                        : base64(result.accumulators().getBytes()),
                failure,
                result.failedTask());
    }

    private static String applicationStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case CANCELED -> "CANCELED";
            default -> "UNKNOWN";
        };
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
