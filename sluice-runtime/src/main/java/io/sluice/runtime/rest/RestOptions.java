package io.sluice.runtime.rest;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** Options of the REST endpoint. Constants only. */
public final class RestOptions {
    private RestOptions() {}

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("rest.address")
            .stringType()
            .defaultValue("127.0.0.1")
            .withDescription("The address the REST endpoint binds to and clients connect to.");

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType()
            .defaultValue(8081)
            .withDescription("The port of the REST endpoint; 0 picks a free port.");

    public static final ConfigOption<Duration> AWAIT_TIMEOUT = ConfigOptions.key("rest.await-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("How long a REST request waits for the cluster's answer before it fails with 503.");

    public static final ConfigOption<Boolean> LOCAL_REST_ENABLED = ConfigOptions.key("local.rest.enabled")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether an embedded MiniCluster starts the REST endpoint (on rest.address and"
                    + " rest.port). Off by default, so local programs and tests open no port.");
}
