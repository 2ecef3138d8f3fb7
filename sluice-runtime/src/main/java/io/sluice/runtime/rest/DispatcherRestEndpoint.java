package io.sluice.runtime.rest;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.rest.handler.ClusterHandlers;
import io.sluice.runtime.rest.handler.JobHandlers;
import java.time.Clock;
import java.time.Duration;

/**
 * The cluster's REST API, served next to the Dispatcher. Routes (also under {@code /v1}):
 *
 * <pre>
 * GET   /overview                        TaskManagers, slots, jobs by state
 * GET   /config                          dashboard configuration
 * GET   /jobs                            job ids with status
 * GET   /jobs/overview                   every job with times and subtask counts
 * GET   /jobs/:jobid                     one job: state, times, vertices, plan
 * GET   /jobs/:jobid/plan                the job's plan
 * GET   /jobs/:jobid/exceptions          the root exception and exception history
 * PATCH /jobs/:jobid?mode=cancel         cancels the job (202)
 * GET   /taskmanagers                    registered TaskManagers with their slots
 * GET   /taskmanagers/:taskmanagerid     one TaskManager with its allocated slots
 * </pre>
 *
 * docs/rest-api.md shows example responses.
 */
public final class DispatcherRestEndpoint extends RestServerEndpoint {
    private static final int THREADS = 4;
    /** How long a request waits for the Dispatcher or ResourceManager before it is answered with 503. */
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);

    private DispatcherRestEndpoint(Router router, Configuration configuration) {
        super(
                router,
                new JdkHttpTransport(THREADS, (int)
                        configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH).bytes()),
                AWAIT_TIMEOUT);
    }

    /** The endpoint with every route; not started. */
    public static DispatcherRestEndpoint create(
            DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, Configuration configuration) {
        Clock clock = Clock.systemDefaultZone();
        JobHandlers jobs = new JobHandlers(dispatcher, clock);
        ClusterHandlers cluster = new ClusterHandlers(dispatcher, resourceManager, clock);
        Router router = new Router()
                .add("GET", "/overview", cluster::overview)
                .add("GET", "/config", cluster::config)
                .add("GET", "/jobs", jobs::jobs)
                .add("GET", "/jobs/overview", jobs::overview)
                .add("GET", "/jobs/:jobid", jobs::details)
                .add("PATCH", "/jobs/:jobid", jobs::cancel)
                .add("GET", "/jobs/:jobid/plan", jobs::plan)
                .add("GET", "/jobs/:jobid/exceptions", jobs::exceptions)
                .add("GET", "/taskmanagers", cluster::taskManagers)
                .add("GET", "/taskmanagers/:taskmanagerid", cluster::taskManagerDetails);
        return new DispatcherRestEndpoint(router, configuration);
    }

    /** Creates and starts the endpoint on {@code rest.bind-address} (else {@code rest.address}) and {@code rest.port}. */
    public static DispatcherRestEndpoint start(
            DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, Configuration configuration)
            throws Exception {
        DispatcherRestEndpoint endpoint = create(dispatcher, resourceManager, configuration);
        endpoint.start(bindAddress(configuration), configuration.get(RestOptions.PORT));
        return endpoint;
    }

    /** {@code rest.bind-address} if set, else {@code rest.address}. */
    public static String bindAddress(Configuration configuration) {
        return configuration.contains(RestOptions.BIND_ADDRESS)
                ? configuration.get(RestOptions.BIND_ADDRESS)
                : configuration.get(RestOptions.ADDRESS);
    }
}
