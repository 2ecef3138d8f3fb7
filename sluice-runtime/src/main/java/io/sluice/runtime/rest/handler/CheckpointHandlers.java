package io.sluice.runtime.rest.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.common.JobID;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.rest.RestHandlerException;
import io.sluice.runtime.rest.RestRequest;
import io.sluice.runtime.rest.RestResponse;
import io.sluice.runtime.rest.messages.CheckpointMessages.AsynchronousOperationResult;
import io.sluice.runtime.rest.messages.CheckpointMessages.CheckpointConfigInfo;
import io.sluice.runtime.rest.messages.CheckpointMessages.CheckpointOperation;
import io.sluice.runtime.rest.messages.CheckpointMessages.ExternalizedCheckpointInfo;
import io.sluice.runtime.rest.messages.CheckpointMessages.FailureCause;
import io.sluice.runtime.rest.messages.CheckpointMessages.QueueStatus;
import io.sluice.runtime.rest.messages.CheckpointMessages.TriggerResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkpoint routes of a job: statistics ({@code GET /jobs/:jobid/checkpoints}), configuration
 * ({@code .../checkpoints/config}), one checkpoint ({@code .../checkpoints/details/:checkpointid}),
 * and a manual checkpoint as Flink's asynchronous operation: {@code POST .../checkpoints} answers
 * 202 with a {@code request-id}, {@code GET .../checkpoints/:triggerid} says IN_PROGRESS, or
 * COMPLETED with the checkpoint id or the failure.
 *
 * <p>A job without checkpointing answers 404 with a message saying so. Trigger results are kept in
 * memory, at most {@value #MAX_TRIGGERS} (finished ones are dropped first).
 *
 * <p>Threading: handlers run concurrently on the REST threads; the trigger table is a concurrent map.
 */
public final class CheckpointHandlers {
    static final int MAX_TRIGGERS = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> CHECKPOINT_TYPES = Set.of("CONFIGURED", "FULL", "INCREMENTAL");

    private record TriggerKey(JobID jobId, String triggerId) {}

    private final DispatcherGateway dispatcher;
    private final Map<TriggerKey, CompletableFuture<Long>> triggers = new ConcurrentHashMap<>();

    public CheckpointHandlers(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    public CompletableFuture<RestResponse> statistics(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        return dispatcher.requestCheckpointStats(id).thenApply(stats -> {
            if (stats == null) {
                throw notEnabled(id);
            }
            return RestResponse.ok(stats.withoutTaskDetails());
        });
    }

    public CompletableFuture<RestResponse> config(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        return dispatcher.requestCheckpointConfig(id).thenApply(config -> {
            if (config == null) {
                throw notEnabled(id);
            }
            return RestResponse.ok(configInfo(config));
        });
    }

    static CheckpointConfigInfo configInfo(CheckpointCoordinatorConfiguration c) {
        ExternalizedCheckpointRetention retention = c.retention();
        return new CheckpointConfigInfo(
                c.mode() == CheckpointingMode.EXACTLY_ONCE ? "exactly_once" : "at_least_once",
                c.interval(),
                c.timeout(),
                c.minPause(),
                c.maxConcurrent(),
                new ExternalizedCheckpointInfo(
                        retention != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS,
                        retention == ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION),
                "HashMapStateBackend",
                c.directory() == null ? "JobManagerCheckpointStorage" : "FileSystemCheckpointStorage",
                false,
                c.tolerableFailures(),
                0,
                true,
                false);
    }

    public CompletableFuture<RestResponse> details(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        String raw = request.pathParameter("checkpointid");
        long checkpointId;
        try {
            checkpointId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new RestHandlerException(400, "Malformed checkpoint id '" + raw + "': expected a whole number");
        }
        return dispatcher.requestCheckpointStats(id).thenApply(stats -> {
            if (stats == null) {
                throw notEnabled(id);
            }
            CheckpointStatsSnapshot.CheckpointStats c = stats.find(checkpointId);
            if (c == null) {
                throw new RestHandlerException(
                        404,
                        "Could not find checkpointing statistics for checkpoint " + checkpointId + " of job " + id
                                + "; only the latest checkpoints are kept (web.checkpoints.history)");
            }
            return RestResponse.ok(c);
        });
    }

    /** {@code POST /jobs/:jobid/checkpoints}: 202 with the request id, or 404 (no such job, no checkpointing). */
    public CompletableFuture<RestResponse> trigger(RestRequest request) throws IOException {
        JobID id = JobHandlers.jobId(request);
        if (request.body().length > 0) {
            JsonNode body = MAPPER.readTree(request.body());
            if (!body.isObject()) {
                throw new RestHandlerException(400, "The trigger request body must be a JSON object, was: " + body);
            }
            JsonNode type = body.get("checkpointType");
            if (type != null && !type.isNull() && (!type.isTextual() || !CHECKPOINT_TYPES.contains(type.asText()))) {
                throw new RestHandlerException(
                        400, "'checkpointType' must be CONFIGURED, FULL or INCREMENTAL, was: " + type);
            }
        }
        return dispatcher.requestCheckpointConfig(id).thenApply(config -> {
            if (config == null) {
                throw notEnabled(id);
            }
            String triggerId = UUID.randomUUID().toString().replace("-", "");
            dropFinishedTriggersIfFull();
            triggers.put(new TriggerKey(id, triggerId), dispatcher.triggerCheckpoint(id));
            return new RestResponse(202, new TriggerResponse(triggerId));
        });
    }

    /** {@code GET /jobs/:jobid/checkpoints/:triggerid}. */
    public CompletableFuture<RestResponse> triggerStatus(RestRequest request) {
        JobID id = JobHandlers.jobId(request);
        String triggerId = request.pathParameter("triggerid");
        CompletableFuture<Long> result = triggers.get(new TriggerKey(id, triggerId));
        if (result == null) {
            throw new RestHandlerException(
                    404,
                    "There is no checkpoint trigger '" + triggerId + "' for job " + id
                            + " (or it was forgotten); POST /jobs/:jobid/checkpoints answers the request id");
        }
        if (!result.isDone()) {
            return CompletableFuture.completedFuture(
                    RestResponse.ok(new AsynchronousOperationResult(new QueueStatus("IN_PROGRESS"), null)));
        }
        CheckpointOperation operation;
        try {
            operation = new CheckpointOperation(result.join(), null);
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            operation = new CheckpointOperation(
                    null, new FailureCause(cause.getClass().getName(), trace.toString()));
        }
        return CompletableFuture.completedFuture(
                RestResponse.ok(new AsynchronousOperationResult(new QueueStatus("COMPLETED"), operation)));
    }

    private void dropFinishedTriggersIfFull() {
        if (triggers.size() < MAX_TRIGGERS) {
            return;
        }
        for (Iterator<CompletableFuture<Long>> it = triggers.values().iterator(); it.hasNext(); ) {
            if (it.next().isDone()) {
                it.remove();
            }
        }
    }

    private static RestHandlerException notEnabled(JobID id) {
        return new RestHandlerException(
                404,
                "Checkpointing is not enabled for job " + id
                        + "; set execution.checkpointing.interval in the job's configuration to enable it");
    }
}
