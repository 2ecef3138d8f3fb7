package io.sluice.runtime.rest.handler;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobStatusMessage;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.resourcemanager.TaskManagerInfo;
import io.sluice.runtime.resourcemanager.UnknownTaskManagerException;
import io.sluice.runtime.rest.RestHandlerException;
import io.sluice.runtime.rest.RestRequest;
import io.sluice.runtime.rest.RestResponse;
import io.sluice.runtime.rest.messages.ClusterMessages;
import io.sluice.runtime.rest.messages.TaskManagerMessages;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code /overview}, {@code /config}, {@code /taskmanagers}, {@code /taskmanagers/:taskmanagerid}. */
public final class ClusterHandlers {
    private static final long REFRESH_INTERVAL_MILLIS = 3000;

    private final DispatcherGateway dispatcher;
    private final ResourceManagerGateway resourceManager;
    private final Clock clock;

    public ClusterHandlers(DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, Clock clock) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.clock = clock;
    }

    /** The build's version, from the jar manifest; "unknown" when run from classes (tests, IDE). */
    public static String version() {
        String v = ClusterHandlers.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    public CompletableFuture<RestResponse> overview(RestRequest request) {
        CompletableFuture<ClusterOverview> slots = resourceManager.getClusterOverview();
        CompletableFuture<Collection<JobStatusMessage>> jobs = dispatcher.listJobs();
        return slots.thenCombine(jobs, (o, list) -> {
            int running = 0, finished = 0, cancelled = 0, failed = 0;
            for (JobStatusMessage j : list) {
                JobStatus s = j.status();
                switch (s) {
                    case FINISHED -> finished++;
                    case CANCELED -> cancelled++;
                    case FAILED -> failed++;
                    default -> running++;
                }
            }
            return RestResponse.ok(new ClusterMessages.ClusterOverviewInfo(
                    o.numTaskManagers(),
                    o.numSlotsTotal(),
                    o.numSlotsAvailable(),
                    running,
                    finished,
                    cancelled,
                    failed,
                    version()));
        });
    }

    public CompletableFuture<RestResponse> config(RestRequest request) {
        ZoneId zone = clock.getZone();
        long offset = zone.getRules().getOffset(clock.instant()).getTotalSeconds() * 1000L;
        return CompletableFuture.completedFuture(RestResponse.ok(new ClusterMessages.DashboardConfiguration(
                REFRESH_INTERVAL_MILLIS,
                zone.getDisplayName(TextStyle.FULL, Locale.ROOT),
                offset,
                version(),
                new ClusterMessages.Features(false, true, false, false))));
    }

    public CompletableFuture<RestResponse> taskManagers(RestRequest request) {
        return resourceManager.requestTaskManagerInfos().thenApply(infos -> {
            List<TaskManagerMessages.TaskManagerInfo> list = new ArrayList<>();
            for (TaskManagerInfo tm : infos) {
                list.add(new TaskManagerMessages.TaskManagerInfo(
                        tm.taskManagerId(), tm.address(), dataPort(tm), tm.numberOfSlots(), tm.freeSlots()));
            }
            return RestResponse.ok(new TaskManagerMessages.TaskManagersInfo(list));
        });
    }

    public CompletableFuture<RestResponse> taskManagerDetails(RestRequest request) {
        String id = request.pathParameter("taskmanagerid");
        return resourceManager.requestTaskManagerInfos().thenApply(infos -> {
            for (TaskManagerInfo tm : infos) {
                if (tm.taskManagerId().equals(id)) {
                    List<TaskManagerMessages.SlotInfo> allocated = new ArrayList<>();
                    for (TaskManagerInfo.SlotInfo s : tm.slots()) {
                        if (s.jobId() != null) {
                            allocated.add(new TaskManagerMessages.SlotInfo(
                                    s.index(), s.jobId().toHexString()));
                        }
                    }
                    return RestResponse.ok(new TaskManagerMessages.TaskManagerDetailsInfo(
                            tm.taskManagerId(),
                            tm.address(),
                            dataPort(tm),
                            tm.numberOfSlots(),
                            tm.freeSlots(),
                            allocated));
                }
            }
            throw new RestHandlerException(
                    404, "No TaskManager with id '" + id + "' is registered; GET /taskmanagers lists them");
        });
    }

    /**
     * {@code GET /taskmanagers/:taskmanagerid/metrics}: the metric ids, or with {@code ?get=a,b} those
     * metrics with their values (as strings, as Flink answers); unknown names are left out.
     */
    public CompletableFuture<RestResponse> taskManagerMetrics(RestRequest request) {
        String id = request.pathParameter("taskmanagerid");
        String get = request.queryParameters().get("get");
        return resourceManager.requestTaskManagerMetrics(id).handle((metrics, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof UnknownTaskManagerException) {
                    throw new RestHandlerException(404, cause.getMessage());
                }
                throw new RestHandlerException(
                        503, "TaskManager '" + id + "' did not answer the metrics request: " + cause.getMessage());
            }
            List<TaskManagerMessages.MetricInfo> body = new ArrayList<>();
            if (get == null) {
                metrics.keySet().forEach(name -> body.add(new TaskManagerMessages.MetricInfo(name, null)));
            } else {
                for (String name : get.split(",")) {
                    Long value = metrics.get(name.trim());
                    if (value != null) {
                        body.add(new TaskManagerMessages.MetricInfo(name.trim(), String.valueOf(value)));
                    }
                }
            }
            return RestResponse.ok(body);
        });
    }

    private static int dataPort(TaskManagerInfo tm) {
        return tm.dataLocation() == null ? -1 : tm.dataLocation().dataPort();
    }
}
