package io.sluice.runtime.rest.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.common.JobID;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobInfo;
import io.sluice.runtime.dispatcher.JobStatusMessage;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.jobmaster.JobDetails;
import io.sluice.runtime.rest.RestHandlerException;
import io.sluice.runtime.rest.RestRequest;
import io.sluice.runtime.rest.RestResponse;
import io.sluice.runtime.rest.messages.JobMessages;
import io.sluice.runtime.util.SerializedThrowable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The {@code /jobs} routes: list, overview, details, plan, exceptions and cancel. */
public final class JobHandlers {
    private static final String TASK_MANAGER_SEPARATOR = " on TaskManager ";

    private final DispatcherGateway dispatcher;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public JobHandlers(DispatcherGateway dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The {@code :jobid} path parameter; 400 naming it when it is not 32 hex digits. */
    static JobID jobId(RestRequest request) {
        String raw = request.pathParameter("jobid");
        try {
            return JobID.fromHexString(raw);
        } catch (IllegalArgumentException e) {
            throw new RestHandlerException(400, "Malformed job id '" + raw + "': expected 32 hex digits");
        }
    }

    public CompletableFuture<RestResponse> jobs(RestRequest request) {
        return dispatcher.listJobs().thenApply(list -> {
            List<JobMessages.JobIdWithStatus> jobs = new ArrayList<>();
            for (JobStatusMessage j : list) {
                jobs.add(new JobMessages.JobIdWithStatus(
                        j.jobId().toHexString(), j.status().name()));
            }
            return RestResponse.ok(new JobMessages.JobIdsWithStatusOverview(jobs));
        });
    }

    public CompletableFuture<RestResponse> overview(RestRequest request) {
        return dispatcher.requestJobInfos().thenApply(infos -> {
            List<JobMessages.JobOverview> jobs = new ArrayList<>();
            for (JobInfo info : infos) {
                Map<String, Integer> tasks = new LinkedHashMap<>();
                int total = 0;
                for (ExecutionState s : ExecutionState.values()) {
                    int n = 0;
                    for (JobDetails.VertexDetails v : info.details().vertices()) {
                        n += v.subtaskStateCounts().getOrDefault(s, 0);
                    }
                    tasks.put(s.name().toLowerCase(Locale.ROOT), n);
                    total += n;
                }
                tasks.put("total", total);
                jobs.add(new JobMessages.JobOverview(
                        info.jobId().toHexString(),
                        info.jobName(),
                        info.status().name(),
                        info.startTimeMillis(),
                        info.endTimeMillis(),
                        duration(info),
                        tasks));
            }
            return RestResponse.ok(new JobMessages.MultipleJobsDetails(jobs));
        });
    }

    public CompletableFuture<RestResponse> details(RestRequest request) {
        JobID id = jobId(request);
        return dispatcher.requestJobInfo(id).thenApply(info -> {
            List<JobMessages.JobVertexDetailsInfo> vertices = new ArrayList<>();
            Map<String, Integer> statusCounts = new LinkedHashMap<>();
            for (ExecutionState s : ExecutionState.values()) {
                statusCounts.put(s.name(), 0);
            }
            int maxParallelism = -1;
            for (JobDetails.VertexDetails v : info.details().vertices()) {
                Map<String, Integer> tasks = new LinkedHashMap<>();
                for (ExecutionState s : ExecutionState.values()) {
                    tasks.put(s.name(), v.subtaskStateCounts().getOrDefault(s, 0));
                }
                ExecutionState status = v.aggregateState();
                statusCounts.merge(status.name(), 1, Integer::sum);
                maxParallelism = Math.max(maxParallelism, v.maxParallelism());
                vertices.add(new JobMessages.JobVertexDetailsInfo(
                        v.id().toString(), v.name(), v.maxParallelism(), v.parallelism(), status.name(), tasks));
            }
            return RestResponse.ok(new JobMessages.JobDetailsInfo(
                    info.jobId().toHexString(),
                    info.jobName(),
                    false,
                    info.status().name(),
                    "STREAMING",
                    info.startTimeMillis(),
                    info.endTimeMillis(),
                    duration(info),
                    maxParallelism,
                    clock.millis(),
                    vertices,
                    statusCounts,
                    plan(info)));
        });
    }

    public CompletableFuture<RestResponse> plan(RestRequest request) {
        JobID id = jobId(request);
        return dispatcher
                .requestJobInfo(id)
                .thenApply(info -> RestResponse.ok(new JobMessages.JobPlanInfo(plan(info))));
    }

    public CompletableFuture<RestResponse> exceptions(RestRequest request) {
        JobID id = jobId(request);
        return dispatcher.requestJobInfo(id).thenApply(info -> {
            JobDetails d = info.details();
            SerializedThrowable cause = d.failureCause();
            if (cause == null) {
                return RestResponse.ok(new JobMessages.JobExceptionsInfo(
                        null, null, List.of(), false, new JobMessages.JobExceptionHistory(List.of(), false)));
            }
            String taskName = null;
            String taskManagerId = null;
            if (d.failedTask() != null) {
                int at = d.failedTask().indexOf(TASK_MANAGER_SEPARATOR);
                taskName = at < 0 ? d.failedTask() : d.failedTask().substring(0, at);
                taskManagerId = at < 0 ? null : d.failedTask().substring(at + TASK_MANAGER_SEPARATOR.length());
            }
            JobMessages.ExceptionInfo entry = new JobMessages.ExceptionInfo(
                    cause.getOriginalClassName(),
                    cause.getFullStackTrace(),
                    d.failureTimestamp(),
                    taskName,
                    taskManagerId,
                    Map.of(),
                    List.of());
            return RestResponse.ok(new JobMessages.JobExceptionsInfo(
                    cause.getFullStackTrace(),
                    d.failureTimestamp(),
                    List.of(),
                    false,
                    new JobMessages.JobExceptionHistory(List.of(entry), false)));
        });
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}: 202 with {@code {}} once the cancellation started. */
    public CompletableFuture<RestResponse> cancel(RestRequest request) {
        JobID id = jobId(request);
        String mode = request.queryParameters().getOrDefault("mode", "cancel");
        if (!mode.equals("cancel")) {
            throw new RestHandlerException(
                    400, "Unsupported termination mode '" + mode + "'; the only supported mode is 'cancel'");
        }
        return dispatcher.cancelJob(id).thenApply(ignored -> new RestResponse(202, Map.of()));
    }

    private long duration(JobInfo info) {
        long end = info.endTimeMillis() >= 0 ? info.endTimeMillis() : clock.millis();
        return Math.max(0, end - info.startTimeMillis());
    }

    /** {@code {"jid", "name", "type", "nodes"}} with the stream graph's nodes. */
    private JsonNode plan(JobInfo info) {
        ObjectNode plan = mapper.createObjectNode();
        plan.put("jid", info.jobId().toHexString());
        plan.put("name", info.jobName());
        plan.put("type", "STREAMING");
        JsonNode nodes;
        try {
            nodes = mapper.readTree(info.jsonPlan()).get("nodes");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "The stored plan of job '" + info.jobName() + "' (" + info.jobId() + ") is not JSON", e);
        }
        plan.set("nodes", nodes == null ? mapper.createArrayNode() : nodes);
        return plan;
    }
}
