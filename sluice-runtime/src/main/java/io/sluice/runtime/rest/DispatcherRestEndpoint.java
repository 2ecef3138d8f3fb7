package io.sluice.runtime.rest;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.configuration.WebOptions;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.rest.handler.CheckpointHandlers;
import io.sluice.runtime.rest.handler.ClusterHandlers;
import io.sluice.runtime.rest.handler.JarHandlers;
import io.sluice.runtime.rest.handler.JarProgramRunner;
import io.sluice.runtime.rest.handler.JobExecutionResultHandler;
import io.sluice.runtime.rest.handler.JobHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
 * GET   /jobs/:jobid/status              the job's status
 * GET   /jobs/:jobid/execution-result    IN_PROGRESS, or the ended job's result (for remote clients)
 * PATCH /jobs/:jobid?mode=cancel         cancels the job (202)
 * GET   /jobs/:jobid/checkpoints         checkpoint counts, summary, latest and history
 * GET   /jobs/:jobid/checkpoints/config  how the job checkpoints
 * GET   /jobs/:jobid/checkpoints/details/:checkpointid  one checkpoint, per job vertex
 * POST  /jobs/:jobid/checkpoints         triggers a checkpoint (202 with a request-id)
 * GET   /jobs/:jobid/checkpoints/:triggerid  IN_PROGRESS, or COMPLETED with the checkpoint id or failure
 * GET   /taskmanagers                    registered TaskManagers with their slots
 * GET   /taskmanagers/:taskmanagerid     one TaskManager with its allocated slots
 * GET   /taskmanagers/:taskmanagerid/metrics  its metric ids; ?get=a,b their values
 * POST  /jars/upload                     multipart upload of a jar (part 'jarfile')
 * GET   /jars                            uploaded jars with their entry classes
 * POST  /jars/:jarid/run                 runs the jar's main(); answers the submitted job's id
 * DELETE /jars/:jarid                    removes an uploaded jar
 * </pre>
 *
 * docs/rest-api.md shows example responses.
 */
public final class DispatcherRestEndpoint extends RestServerEndpoint {
    private static final int THREADS = 4;
    /** How long a request waits for the Dispatcher or ResourceManager before it is answered with 503. */
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService jarRunExecutor;

    private DispatcherRestEndpoint(Router router, Configuration configuration, ExecutorService jarRunExecutor) {
        super(
                router,
                new JdkHttpTransport(THREADS, (int)
                        configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH).bytes()),
                AWAIT_TIMEOUT);
        this.jarRunExecutor = jarRunExecutor;
    }

    @Override
    public void close() {
        super.close();
        jarRunExecutor.shutdownNow();
    }

    /** The endpoint with every route; not started. */
    public static DispatcherRestEndpoint create(
            DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, Configuration configuration)
            throws IOException {
        return create(dispatcher, resourceManager, configuration, uploadStore(configuration));
    }

    /** The endpoint with every route, storing uploaded jars in {@code jarStore}; not started. */
    public static DispatcherRestEndpoint create(
            DispatcherGateway dispatcher,
            ResourceManagerGateway resourceManager,
            Configuration configuration,
            BlobStore jarStore) {
        Clock clock = Clock.systemDefaultZone();
        ExecutorService jarRunExecutor = Executors.newCachedThreadPool(runThreads());
        JarHandlers jarHandlers = new JarHandlers(
                jarStore,
                configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH).bytes(),
                clock,
                dispatcher,
                jarRunExecutor,
                JarProgramRunner.clusterParallelism(configuration));
        JobHandlers jobs = new JobHandlers(dispatcher, clock);
        ClusterHandlers cluster = new ClusterHandlers(dispatcher, resourceManager, clock);
        JobExecutionResultHandler results = new JobExecutionResultHandler(dispatcher);
        CheckpointHandlers checkpoints = new CheckpointHandlers(dispatcher);
        Router router = new Router()
                .add("GET", "/overview", cluster::overview)
                .add("GET", "/config", cluster::config)
                .add("GET", "/jobs", jobs::jobs)
                .add("GET", "/jobs/overview", jobs::overview)
                .add("GET", "/jobs/:jobid", jobs::details)
                .add("PATCH", "/jobs/:jobid", jobs::cancel)
                .add("GET", "/jobs/:jobid/plan", jobs::plan)
                .add("GET", "/jobs/:jobid/exceptions", jobs::exceptions)
                .add("GET", "/jobs/:jobid/status", results::status)
                .add("GET", "/jobs/:jobid/execution-result", results::executionResult)
                .add("GET", "/jobs/:jobid/checkpoints", checkpoints::statistics)
                .add("POST", "/jobs/:jobid/checkpoints", checkpoints::trigger)
                .add("GET", "/jobs/:jobid/checkpoints/config", checkpoints::config)
                .add("GET", "/jobs/:jobid/checkpoints/details/:checkpointid", checkpoints::details)
                .add("GET", "/jobs/:jobid/checkpoints/:triggerid", checkpoints::triggerStatus)
                .add("GET", "/taskmanagers", cluster::taskManagers)
                .add("GET", "/taskmanagers/:taskmanagerid", cluster::taskManagerDetails)
                .add("GET", "/taskmanagers/:taskmanagerid/metrics", cluster::taskManagerMetrics)
                .addRaw("POST", "/jars/upload", jarHandlers::upload)
                .add("GET", "/jars", jarHandlers::list)
                .add("POST", "/jars/:jarid/run", jarHandlers::run)
                .add("DELETE", "/jars/:jarid", jarHandlers::delete);
        return new DispatcherRestEndpoint(router, configuration, jarRunExecutor);
    }

    /** The store for uploaded jars: {@code web.upload.dir}, else a new directory under the temporary directory. */
    public static BlobStore uploadStore(Configuration configuration) throws IOException {
        if (configuration.contains(WebOptions.UPLOAD_DIR)) {
            return new BlobStore(Path.of(configuration.get(WebOptions.UPLOAD_DIR)));
        }
        return new BlobStore(Files.createTempDirectory("sluice-web-upload-"));
    }

    private static ThreadFactory runThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sluice-jar-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Creates and starts the endpoint on {@code rest.bind-address} (else {@code rest.address}) and {@code rest.port}. */
    public static DispatcherRestEndpoint start(
            DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, Configuration configuration)
            throws Exception {
        return start(dispatcher, resourceManager, configuration, uploadStore(configuration));
    }

    /** Creates and starts the endpoint, storing uploaded jars in {@code jarStore}. */
    public static DispatcherRestEndpoint start(
            DispatcherGateway dispatcher,
            ResourceManagerGateway resourceManager,
            Configuration configuration,
            BlobStore jarStore)
            throws Exception {
        DispatcherRestEndpoint endpoint = create(dispatcher, resourceManager, configuration, jarStore);
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
