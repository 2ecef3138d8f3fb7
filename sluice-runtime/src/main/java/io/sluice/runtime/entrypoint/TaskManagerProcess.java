package io.sluice.runtime.entrypoint;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobClient;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.configuration.JobManagerOptions;
import io.sluice.runtime.configuration.RpcOptions;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.network.LocalPartitionDirectory;
import io.sluice.runtime.network.NetworkConfig;
import io.sluice.runtime.rpc.RpcService;
import io.sluice.runtime.rpc.grpc.GrpcRpcService;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import io.sluice.runtime.taskexecutor.TaskExecutorConfiguration;
import io.sluice.runtime.taskmanager.TaskFactory;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager process: one TaskExecutor with {@code taskmanager.numberOfTaskSlots} slots, its RPC
 * server and its data server (both on ephemeral ports by default, so several TaskManagers share a
 * host). It finds the JobManager at {@code jobmanager.rpc.address:jobmanager.rpc.port}, retrying
 * until {@code taskmanager.registration.timeout}, registers its slots with the ResourceManager and
 * fetches job jars from the JobManager's blob server, verifying their checksums.
 *
 * <p>Threading: {@link #start} and {@link #close} from one controlling thread; {@link #close} is
 * idempotent and also runs from the shutdown hook.
 */
public final class TaskManagerProcess extends ClusterProcess {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerProcess.class);
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private final GrpcRpcService rpcService;
    private final TaskExecutor taskExecutor;
    private final Path blobCache;

    private TaskManagerProcess(GrpcRpcService rpcService, TaskExecutor taskExecutor, Path blobCache) {
        this.rpcService = rpcService;
        this.taskExecutor = taskExecutor;
        this.blobCache = blobCache;
    }

    /** Starts the TaskExecutor and returns once its slots are registered with the ResourceManager. */
    public static TaskManagerProcess start(Configuration config) throws Exception {
        String jobManager = config.get(JobManagerOptions.ADDRESS) + ":" + config.get(JobManagerOptions.PORT);
        String host = config.contains(TaskManagerOptions.HOST)
                ? config.get(TaskManagerOptions.HOST)
                : localAddressTowards(config.get(JobManagerOptions.ADDRESS));
        Duration askTimeout = config.get(RpcOptions.ASK_TIMEOUT);
        GrpcRpcService rpc = GrpcRpcService.start(host, config.get(TaskManagerOptions.RPC_PORT), host, askTimeout);
        Path blobCache = null;
        TaskExecutor te = null;
        try {
            String id = config.contains(TaskManagerOptions.RESOURCE_ID)
                    ? config.get(TaskManagerOptions.RESOURCE_ID)
                    : host + ":" + rpc.getPort() + "-" + randomSuffix();
            NetworkConfig network = TaskManagerOptions.networkConfig(config)
                    .withDataServer(host, config.get(TaskManagerOptions.DATA_PORT));
            String resourceManager = resolve(
                    rpc,
                    "sluice://" + jobManager + "/" + JobManagerProcess.RESOURCE_MANAGER_NAME,
                    config.get(RpcOptions.REGISTRATION_TIMEOUT));
            te = new TaskExecutor(
                    new TaskExecutorConfiguration(
                            id,
                            rpc.qualify("taskexecutor"),
                            config.get(TaskManagerOptions.NUM_TASK_SLOTS),
                            network,
                            HeartbeatSettings.fromConfiguration(config)),
                    rpc,
                    resourceManager,
                    TaskFactory.DEFAULT,
                    new LocalPartitionDirectory());
            blobCache = Files.createTempDirectory("sluice-tm-blobs-");
            te.setUserJarResolver(new RemoteJarResolver(
                    rpc, "sluice://" + jobManager + "/" + JobManagerProcess.INFO_NAME, blobCache, askTimeout));
            rpc.register(te.getAddress(), te);
            te.start().get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(
                    "TaskManager {} registered {} slots with the JobManager at {}",
                    id,
                    config.get(TaskManagerOptions.NUM_TASK_SLOTS),
                    jobManager);
            return new TaskManagerProcess(rpc, te, blobCache);
        } catch (Exception | Error e) {
            if (te != null) {
                te.closeAsync();
            }
            rpc.close();
            if (blobCache != null) {
                deleteRecursively(blobCache);
            }
            if (e instanceof ExecutionException ee && ee.getCause() != null) {
                throw new IllegalStateException(
                        "Registration with the JobManager at " + jobManager + " failed: "
                                + ee.getCause().getMessage(),
                        ee.getCause());
            }
            throw e;
        }
    }

    public String getTaskManagerId() {
        return taskExecutor.getTaskManagerId();
    }

    public TaskExecutor getTaskExecutor() {
        return taskExecutor;
    }

    /** Cancels running tasks, unregisters from the ResourceManager and stops. */
    @Override
    protected void stop() {
        try {
            taskExecutor.closeAsync().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("TaskManager {} did not close within {}: {}", getTaskManagerId(), STOP_TIMEOUT, e.toString());
        }
        rpcService.close();
        deleteRecursively(blobCache);
        LOG.info("TaskManager {} stopped", getTaskManagerId());
    }

    /** Resolves a well-known address, retrying while the JobManager is not reachable yet. */
    static String resolve(RpcService rpc, String wellKnown, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return rpc.resolve(wellKnown).get();
            } catch (ExecutionException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(
                            "Could not reach the JobManager at " + wellKnown + " within " + timeout.toSeconds()
                                    + " s ('" + RpcOptions.REGISTRATION_TIMEOUT.key() + "'): "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
                LOG.debug(
                        "JobManager at {} not reachable yet: {}",
                        wellKnown,
                        e.getCause().toString());
                Thread.sleep(RETRY_DELAY.toMillis());
            }
        }
    }

    /** The local address of the interface that routes to {@code host} (no packet is sent). */
    private static String localAddressTowards(String host) throws IOException {
        InetAddress target = InetAddress.getByName(host);
        if (target.isLoopbackAddress()) {
            return "127.0.0.1";
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(target, 9));
            return socket.getLocalAddress().getHostAddress();
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.toString());
        }
    }

    /**
     * Finds a job jar in the local cache or fetches it from the JobManager's blob server (verifying
     * the checksum), asking the JobManager where that server is only the first time and when a
     * fetch fails. Runs on the TaskExecutor's main thread.
     */
    private static final class RemoteJarResolver implements TaskExecutor.UserJarResolver {
        private final RpcService rpc;
        private final String infoAddress;
        private final Path cacheDir;
        private final Duration timeout;
        private BlobClient client;
        private String clientServer;

        RemoteJarResolver(RpcService rpc, String infoAddress, Path cacheDir, Duration timeout) {
            this.rpc = rpc;
            this.infoAddress = infoAddress;
            this.cacheDir = cacheDir;
            this.timeout = timeout;
        }

        @Override
        public synchronized Path resolve(BlobKey key) throws IOException {
            if (client != null) {
                try {
                    return client.getFile(key);
                } catch (IOException e) {
                    // The JobManager may have restarted with another blob server port: ask again.
                    LOG.debug("Fetching {} from {} failed; asking the JobManager again", key, clientServer, e);
                }
            }
            String server = askBlobServer();
            if (client == null || !server.equals(clientServer)) {
                int colon = server.lastIndexOf(':');
                client = new BlobClient(
                        new InetSocketAddress(
                                server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))),
                        cacheDir,
                        timeout);
                clientServer = server;
            }
            return client.getFile(key);
        }

        /** {@code host:port} of the JobManager's blob server, asked over RPC. */
        private String askBlobServer() throws IOException {
            try {
                String address = rpc.resolve(infoAddress).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return rpc.connect(address, JobManagerInfoGateway.class)
                        .getBlobServerAddress()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while asking the JobManager for its blob server", e);
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                throw new IOException(
                        "Could not ask the JobManager at " + infoAddress + " for its blob server: "
                                + cause.getMessage(),
                        cause);
            }
        }
    }

    /** {@code bin/sluice taskmanager [-Dkey=value ...]}: runs until killed. */
    public static void main(String[] args) {
        ProcessRunner.run("TaskManager", args, TaskManagerProcess::start, process -> {
            System.out.println("Sluice TaskManager " + process.getTaskManagerId() + " running");
            return process::awaitTermination;
        });
    }
}
