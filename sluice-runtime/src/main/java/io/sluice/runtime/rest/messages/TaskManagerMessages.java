package io.sluice.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Bodies of the {@code /taskmanagers} routes. */
public final class TaskManagerMessages {
    private TaskManagerMessages() {}

    /** {@code GET /taskmanagers}. */
    public record TaskManagersInfo(@JsonProperty("taskmanagers") List<TaskManagerInfo> taskManagers) {}

    /** One TaskManager; {@code path} is its gateway address, {@code dataPort} where its partitions are served. */
    public record TaskManagerInfo(
            @JsonProperty("id") String id,
            @JsonProperty("path") String path,
            @JsonProperty("dataPort") int dataPort,
            @JsonProperty("slotsNumber") int slotsNumber,
            @JsonProperty("freeSlots") int freeSlots) {}

    /** {@code GET /taskmanagers/:taskmanagerid}: the list entry plus the allocated slots. */
    public record TaskManagerDetailsInfo(
            @JsonProperty("id") String id,
            @JsonProperty("path") String path,
            @JsonProperty("dataPort") int dataPort,
            @JsonProperty("slotsNumber") int slotsNumber,
            @JsonProperty("freeSlots") int freeSlots,
            @JsonProperty("allocatedSlots") List<SlotInfo> allocatedSlots) {}

    /** An allocated slot: its index on the TaskManager and the job holding it. */
    public record SlotInfo(@JsonProperty("index") int index, @JsonProperty("jobId") String jobId) {}

    /** One metric of {@code GET /taskmanagers/:id/metrics}: its id, and its value when asked for with {@code ?get=}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricInfo(@JsonProperty("id") String id, @JsonProperty("value") String value) {}
}
