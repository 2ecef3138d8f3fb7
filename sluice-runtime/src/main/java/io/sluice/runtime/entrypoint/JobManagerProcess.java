package io.sluice.runtime.entrypoint;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobServer;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.configuration.BlobServerOptions;
import io.sluice.runtime.configuration.JobManagerOptions;
import io.sluice.runtime.configuration.RpcOptions;
import io.sluice.runtime.dispatcher.Dispatcher;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.DispatcherServices;
import io.sluice.runtime.execution.UserCodeExitGuard;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.resourcemanager.ResourceManager;
import io.sluice.runtime.rest.DispatcherRestEndpoint;
import io.sluice.runtime.rpc.grpc.GrpcRpcService;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager process: the ResourceManager, the Dispatcher with its REST endpoint, the blob
 * server for job jars and a JobMaster per job, reachable by TaskManagers over gRPC at {@code
 * jobmanager.rpc.address:jobmanager.rpc.port}. Endpoints registered there under well-known names:
 * {@code resourcemanager}, {@code dispatcher} and {@code jobmanager} ({@link JobManagerInfoGateway}),
 * each with a fencing token new to this process.
 *
 * <p>Threading: {@link #start} and {@link #close} from one controlling thread (main or a test);
 * {@link #close} is idempotent and also runs from the shutdown hook.
 */
public final class JobManagerProcess extends ClusterProcess {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerProcess.class);
    public static final String RESOURCE_MANAGER_NAME = "resourcemanager";
    public static final String DISPATCHER_NAME = "dispatcher";
    public static final String INFO_NAME = "jobmanager";
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);

    private final GrpcRpcService rpcService;
    private final BlobStore jarStore;
    private final BlobServer blobServer;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final DispatcherRestEndpoint restEndpoint;

    private JobManagerProcess(
            GrpcRpcService rpcService,
            BlobStore jarStore,
            BlobServer blobServer,
            ResourceManager resourceManager,
            Dispatcher dispatcher,
            DispatcherRestEndpoint restEndpoint) {
        this.rpcService = rpcService;
        this.jarStore = jarStore;
        this.blobServer = blobServer;
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
        this.restEndpoint = restEndpoint;
    }

    /** Starts every component; fails naming the port when one cannot be bound. */
    public static JobManagerProcess start(Configuration config) throws Exception {
        UserCodeExitGuard.install();
        String host = config.get(JobManagerOptions.ADDRESS);
        GrpcRpcService rpc = GrpcRpcService.start(
                host, config.get(JobManagerOptions.PORT), host, config.get(RpcOptions.ASK_TIMEOUT));
        BlobServer blobServer = null;
        ResourceManager rm = null;
        Dispatcher dispatcher = null;
        try {
            BlobStore jarStore = DispatcherRestEndpoint.uploadStore(config);
            blobServer = BlobServer.start(jarStore, new InetSocketAddress(host, config.get(BlobServerOptions.PORT)), 4);
            String blobAddress = host + ":" + blobServer.getPort();
            rpc.register(rpc.qualify(INFO_NAME), (JobManagerInfoGateway)
                    () -> CompletableFuture.completedFuture(blobAddress));

            rm = new ResourceManager(
                    rpc.qualify(RESOURCE_MANAGER_NAME), rpc, HeartbeatSettings.fromConfiguration(config));
            rpc.register(rm.getAddress(), rm);
            dispatcher = new Dispatcher(
                    rpc.qualify(DISPATCHER_NAME),
                    new DispatcherServices(rpc, rm.getAddress(), config, Clock.systemUTC()));
            dispatcher.setUserJarResolver(jarStore::get);
            rpc.register(dispatcher.getAddress(), dispatcher);
            DispatcherRestEndpoint rest = DispatcherRestEndpoint.start(dispatcher, rm, config, jarStore);
            JobManagerProcess process = new JobManagerProcess(rpc, jarStore, blobServer, rm, dispatcher, rest);
            LOG.info(
                    "JobManager started: REST at {}, RPC at {}, blob server at {}",
                    rest.getRestBaseUrl(),
                    rpc.getAddress(),
                    blobAddress);
            return process;
        } catch (Exception | Error e) {
            if (dispatcher != null) {
                dispatcher.shutdownNow(Duration.ofSeconds(1));
            }
            if (rm != null) {
                rm.close();
            }
            if (blobServer != null) {
                blobServer.close();
            }
            rpc.close();
            throw e;
        }
    }

    public String getRestBaseUrl() {
        return restEndpoint.getRestBaseUrl();
    }

    /** {@code sluice://host:port}, where TaskManagers find the ResourceManager. */
    public String getRpcAddress() {
        return rpcService.getAddress();
    }

    public DispatcherGateway getDispatcherGateway() {
        return dispatcher;
    }

    public BlobStore getJarStore() {
        return jarStore;
    }

    /** Cancels running jobs (waiting briefly), then stops every component. */
    @Override
    protected void stop() {
        restEndpoint.close();
        try {
            dispatcher.closeAsync().get(CANCEL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Not all jobs ended within {} after cancelling them; stopping them", CANCEL_TIMEOUT);
        } finally {
            dispatcher.shutdownNow(Duration.ofSeconds(2));
        }
        resourceManager.close();
        blobServer.close();
        rpcService.close();
        LOG.info("JobManager stopped");
    }

    /** {@code bin/sluice jobmanager [-Dkey=value ...]}: runs until killed. */
    public static void main(String[] args) {
        ProcessRunner.run("JobManager", args, JobManagerProcess::start, process -> {
            System.out.println(
                    "Sluice JobManager running: REST " + process.getRestBaseUrl() + ", RPC " + process.getRpcAddress());
            return process::awaitTermination;
        });
    }
}
