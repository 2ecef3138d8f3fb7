package io.sluice.api.execution;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.dag.Transformation;
import java.util.List;

/**
 * A program ready to run: its sinks' transformations (everything reachable from them is part of
 * the job) plus the job-wide settings.
 *
 * @param bufferTimeoutMillis default buffer timeout: -1 flush when full, 0 every record, else millis
 */
public record Pipeline(
        String jobName,
        List<Transformation<?>> sinks,
        ExecutionConfig executionConfig,
        Configuration configuration,
        long bufferTimeoutMillis,
        boolean chainingEnabled) {}
