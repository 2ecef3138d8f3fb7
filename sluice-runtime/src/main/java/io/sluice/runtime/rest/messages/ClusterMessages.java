package io.sluice.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Bodies of {@code GET /overview} and {@code GET /config}. */
public final class ClusterMessages {
    private ClusterMessages() {}

    /** {@code GET /overview}: TaskManagers, slots, and jobs by state ("running" counts every job not yet ended). */
    public record ClusterOverviewInfo(
            @JsonProperty("taskmanagers") int taskManagers,
            @JsonProperty("slots-total") int slotsTotal,
            @JsonProperty("slots-available") int slotsAvailable,
            @JsonProperty("jobs-running") int jobsRunning,
            @JsonProperty("jobs-finished") int jobsFinished,
            @JsonProperty("jobs-cancelled") int jobsCancelled,
            @JsonProperty("jobs-failed") int jobsFailed,
            @JsonProperty("sluice-version") String version) {}

    /** {@code GET /config}: what a dashboard needs to know about the server. */
    public record DashboardConfiguration(
            @JsonProperty("refresh-interval") long refreshInterval,
            @JsonProperty("timezone-name") String timezoneName,
            @JsonProperty("timezone-offset") long timezoneOffset,
            @JsonProperty("sluice-version") String version,
            @JsonProperty("features") Features features) {}

    public record Features(
            @JsonProperty("web-submit") boolean webSubmit,
            @JsonProperty("web-cancel") boolean webCancel,
            @JsonProperty("web-rescale") boolean webRescale,
            @JsonProperty("web-history") boolean webHistory) {}
}
