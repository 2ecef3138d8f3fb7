package io.sluice.runtime.minicluster;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.configuration.WebOptions;
import io.sluice.runtime.dispatcher.Dispatcher;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.DispatcherServices;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.dispatcher.JobResults;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.network.LocalPartitionDirectory;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import io.sluice.runtime.resourcemanager.ResourceManager;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.rest.DispatcherRestEndpoint;
import io.sluice.runtime.rpc.LocalRpcService;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.runtime.taskexecutor.TaskExecutorConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatcher, ResourceManager and TaskExecutors in one JVM: the same components as a process
 * cluster, talking through gateways of an in-process RPC service. Start-up creates no thread
 * pools; each component's single main thread starts with its first call.
 *
 * <p>Threading: {@link #start()} and {@link #close()} are meant for one controlling thread (a test, or
 * the program that runs a local job); the other methods are non-blocking and thread-safe.
 * {@link #close()} cancels running jobs, waits briefly for them, stops every component thread and
 * is idempotent.
 */
public final class MiniCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);
    private static final String RESOURCE_MANAGER_ADDRESS = "resourcemanager";
    private static final String DISPATCHER_ADDRESS = "dispatcher";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final MiniClusterConfiguration config;
    private final ClassLoader userCodeClassLoader;
    private final LocalRpcService rpcService = new LocalRpcService();
    private ResourceManager resourceManager;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private Dispatcher dispatcher;
    private DispatcherRestEndpoint restEndpoint;
    private BlobStore jarStore;
    private volatile boolean running;
    private boolean closed;
    private final LocalPartitionDirectory partitionDirectory = new LocalPartitionDirectory();

    public MiniCluster(MiniClusterConfiguration config) {
        this.config = config;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.userCodeClassLoader = context != null ? context : MiniCluster.class.getClassLoader();
    }

    /** Starts the components; returns when every TaskExecutor registered its slots. */
    public synchronized void start() throws Exception {
        if (running || closed) {
            throw new IllegalStateException("This MiniCluster was already started; create a new one");
        }
        // Uploaded jars: the REST endpoint stores them, the TaskExecutors load the jobs' classes from them.
        jarStore = DispatcherRestEndpoint.uploadStore(config.getConfiguration());
        resourceManager = new ResourceManager(
                RESOURCE_MANAGER_ADDRESS, rpcService, HeartbeatSettings.fromConfiguration(config.getConfiguration()));
        rpcService.register(RESOURCE_MANAGER_ADDRESS, resourceManager);
        // TaskManagers register one after the other, so slots are matched in TaskManager order (tm-0 first).
        for (int i = 0; i < config.getNumTaskManagers(); i++) {
            try {
                addTaskManager();
            } catch (IllegalStateException e) {
                close();
                throw e;
            }
        }
        dispatcher = new Dispatcher(
                DISPATCHER_ADDRESS,
                new DispatcherServices(
                        rpcService, RESOURCE_MANAGER_ADDRESS, config.getConfiguration(), Clock.systemUTC()));
        dispatcher.setUserJarResolver(jarStore::get);
        rpcService.register(DISPATCHER_ADDRESS, dispatcher);
        Configuration conf = config.getConfiguration();
        if (conf.get(ClusterOptions.LOCAL_REST_ENABLED)) {
            try {
                restEndpoint = DispatcherRestEndpoint.start(dispatcher, resourceManager, conf, jarStore);
            } catch (Exception e) {
                close();
                throw new IllegalStateException(
                        "The MiniCluster's REST endpoint could not start on " + DispatcherRestEndpoint.bindAddress(conf)
                                + ":" + conf.get(RestOptions.PORT) + " (is the port taken? set rest.port, 0 for any): "
                                + e,
                        e);
            }
        }
        running = true;
        LOG.info(
                "MiniCluster started: {} TaskManagers with {} slots each",
                config.getNumTaskManagers(),
                config.getNumSlotsPerTaskManager());
    }

    /**
     * Starts one more TaskManager ("tm-N", N the number started so far) with the configured slots and
     * returns it once it registered with the ResourceManager; e.g. to replace one that crashed
     * ({@link TaskExecutor#simulateCrash()}).
     */
    public synchronized TaskExecutor startTaskManager() {
        checkRunning();
        return addTaskManager();
    }

    private TaskExecutor addTaskManager() {
        TaskExecutor te = new TaskExecutor(
                embedded(TaskExecutorConfiguration.fromConfiguration(
                        "tm-" + taskExecutors.size(), config.getConfiguration())),
                rpcService,
                RESOURCE_MANAGER_ADDRESS,
                config.getTaskFactory(),
                partitionDirectory);
        te.setUserJarResolver(jarStore::get);
        rpcService.register(te.getAddress(), te);
        taskExecutors.add(te);
        try {
            te.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "TaskManager " + te.getTaskManagerId() + " did not register with the MiniCluster's"
                            + " ResourceManager: " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while TaskManager " + te.getTaskManagerId() + " registered");
        }
        return te;
    }

    /** The TaskExecutors in start order (tm-0 first), for inspecting them; empty before {@link #start()}. */
    public synchronized List<TaskExecutor> getTaskExecutors() {
        return List.copyOf(taskExecutors);
    }

    /**
     * The REST endpoint's base URL ({@code http://127.0.0.1:port}); throws unless the cluster was
     * started with {@code local.rest.enabled: true}.
     */
    public String getRestBaseUrl() {
        checkRunning();
        if (restEndpoint == null) {
            throw new IllegalStateException("This MiniCluster has no REST endpoint; set '"
                    + ClusterOptions.LOCAL_REST_ENABLED.key() + "' to true in its configuration");
        }
        return restEndpoint.getRestBaseUrl();
    }

    /**
     * The blob store of user jars: the REST endpoint puts uploads here and the TaskExecutors load
     * the classes of jobs whose graph names jar keys ({@code JobGraph#getUserJarBlobKeys}) from it.
     */
    public BlobStore getJarStore() {
        checkRunning();
        return jarStore;
    }

    public DispatcherGateway getDispatcherGateway() {
        checkRunning();
        return dispatcher;
    }

    /** Submits the job; completes with its client once the Dispatcher accepted it. */
    public CompletableFuture<JobClient> submitJob(JobGraph jobGraph) {
        checkRunning();
        return dispatcher
                .submitJob(jobGraph)
                .thenApply(ignored -> new MiniClusterJobClient(jobGraph.getJobId(), dispatcher, userCodeClassLoader));
    }

    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        checkRunning();
        return dispatcher.requestJobResult(jobId);
    }

    /** Submits the job and waits for it: the result, or a {@link JobExecutionException} if it failed or was cancelled. */
    public JobExecutionResult executeJobBlocking(JobGraph jobGraph) throws JobExecutionException, InterruptedException {
        try {
            submitJob(jobGraph).get();
            return JobResults.toJobExecutionResult(
                    requestJobResult(jobGraph.getJobId()).get(), userCodeClassLoader);
        } catch (ExecutionException e) {
            throw new JobExecutionException(
                    jobGraph.getJobId(),
                    null,
                    "Job '" + jobGraph.getName() + "' (" + jobGraph.getJobId() + ") could not be run: " + e.getCause(),
                    e.getCause());
        }
    }

    /** The ResourceManager's gateway, as TaskExecutors and JobMasters see it. */
    public ResourceManagerGateway getResourceManagerGateway() {
        checkRunning();
        return resourceManager;
    }

    public CompletableFuture<ClusterOverview> getClusterOverview() {
        checkRunning();
        ResourceManagerGateway gateway = resourceManager;
        return gateway.getClusterOverview();
    }

    /** Cancels running jobs (waiting up to 5 s for them), then stops all components. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (restEndpoint != null) {
            restEndpoint.close();
        }
        if (dispatcher != null) {
            try {
                dispatcher.closeAsync().get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("Not all jobs ended within {} after cancelling them; stopping them", CANCEL_TIMEOUT);
            } finally {
                dispatcher.shutdownNow(STOP_TIMEOUT);
            }
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (TaskExecutor te : taskExecutors) {
            closing.add(te.closeAsync());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Not all TaskExecutors closed within {}: {}", STOP_TIMEOUT, e.toString());
        }
        if (resourceManager != null) {
            resourceManager.close();
        }
        if (jarStore != null && !config.getConfiguration().contains(WebOptions.UPLOAD_DIR)) {
            deleteTempJarStore(jarStore.getStorageDir());
        }
        LOG.info("MiniCluster closed");
    }

    /** Removes the temporary upload directory this cluster created (jars of finished jobs included). */
    private static void deleteTempJarStore(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary jar directory {}: {}", dir, e.toString());
        }
    }

    private void checkRunning() {
        if (!running) {
            throw new IllegalStateException(
                    "The MiniCluster is not running; call start() first (and not after close())");
        }
    }

    /** Its TaskManagers share one JVM and read each other's partitions locally: no data servers. */
    private static TaskExecutorConfiguration embedded(TaskExecutorConfiguration tm) {
        return new TaskExecutorConfiguration(
                tm.taskManagerId(),
                tm.address(),
                tm.numberOfSlots(),
                tm.networkConfig().withoutDataServer(),
                tm.heartbeatSettings());
    }
}
