package io.sluice.runtime.taskexecutor;

import io.sluice.runtime.heartbeat.HeartbeatLoss;
import io.sluice.runtime.heartbeat.HeartbeatMonitor;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.rpc.MainThreadExecutor;
import io.sluice.runtime.rpc.RpcService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskExecutor}'s connection to the ResourceManager: resolving its address (a restarted
 * JobManager's ResourceManager has a new fencing token), registering with a growing delay between
 * attempts (100 ms up to 5 s) until it succeeds, and a passive {@link HeartbeatMonitor} on the
 * ResourceManager's heartbeats. A ResourceManager silent for {@code heartbeat.timeout} (it
 * restarted or dropped us) makes the TaskExecutor register again, keeping its slots, which its next
 * heartbeat answer reports.
 *
 * <p>Threading: owned by the TaskExecutor's main thread; every method is called there, and the
 * ResourceManager's replies come back to it through {@code mainThread}. Whether the TaskExecutor
 * still talks to anybody (closed, or a simulated crash) is the {@link Owner}'s.
 */
final class ResourceManagerConnection {
    // Logs under the TaskExecutor's name: these are the TaskExecutor's messages.
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private static final String RESOURCE_MANAGER_TARGET = "resourcemanager";
    private static final long MAX_REGISTRATION_BACKOFF_MILLIS = 5000;

    /** What the connection needs from its TaskExecutor; called on its main thread. */
    interface Owner {
        /** The TaskExecutor is closed or (simulated) crashed: it registers no more. */
        boolean isStopped();

        /** Fails fast off the TaskExecutor's main thread. */
        void assertRunningInMainThread();
    }

    private final String taskManagerId;
    private final RpcService rpcService;
    private final String resourceManagerAddress;
    private final TaskExecutorRegistration registration;
    private final MainThreadExecutor mainThread;
    private final Owner owner;
    private final HeartbeatMonitor heartbeat;
    private final CompletableFuture<Void> firstRegistration = new CompletableFuture<>();

    // Owned by the TaskExecutor's main thread.
    private ResourceManagerGateway resourceManager;
    private int failedRegistrationAttempts;

    ResourceManagerConnection(
            TaskExecutorConfiguration config,
            RpcService rpcService,
            String resourceManagerAddress,
            TaskExecutorRegistration registration,
            MainThreadExecutor mainThread,
            Owner owner) {
        this.taskManagerId = config.taskManagerId();
        this.rpcService = rpcService;
        this.resourceManagerAddress = resourceManagerAddress;
        this.registration = registration;
        this.mainThread = mainThread;
        this.owner = owner;
        this.heartbeat = new HeartbeatMonitor(
                "TaskExecutor " + config.taskManagerId(),
                config.heartbeatSettings(),
                mainThread,
                mainThread::schedule,
                System::nanoTime,
                (id, loss) -> onResourceManagerLost(loss));
    }

    /** Completes at the first successful registration. */
    CompletableFuture<Void> firstRegistration() {
        return firstRegistration;
    }

    /** The ResourceManager this TaskExecutor last registered at, or null before the first registration. */
    ResourceManagerGateway gateway() {
        return resourceManager;
    }

    /** Starts watching heartbeats and registers, retrying until it succeeds. */
    void start() {
        heartbeat.start();
        registerAtResourceManager();
    }

    void stop() {
        heartbeat.stop();
    }

    void receiveHeartbeat() {
        heartbeat.receiveHeartbeat(RESOURCE_MANAGER_TARGET);
    }

    private void registerAtResourceManager() {
        owner.assertRunningInMainThread();
        if (owner.isStopped()) {
            return;
        }
        heartbeat.unmonitorTarget(RESOURCE_MANAGER_TARGET);
        // Resolve first: a restarted JobManager's ResourceManager has a new fencing token.
        CompletableFuture<String> resolved;
        try {
            resolved = rpcService.resolve(resourceManagerAddress);
        } catch (RuntimeException e) {
            retryRegistration(e);
            return;
        }
        resolved.thenCompose(address -> {
                    ResourceManagerGateway gateway = rpcService.connect(address, ResourceManagerGateway.class);
                    return gateway.registerTaskExecutor(registration).thenApply(ok -> gateway);
                })
                .whenCompleteAsync(
                        (rm, error) -> {
                            if (owner.isStopped()) {
                                return;
                            }
                            if (error != null) {
                                retryRegistration(error);
                                return;
                            }
                            resourceManager = rm;
                            failedRegistrationAttempts = 0;
                            heartbeat.monitorTarget(RESOURCE_MANAGER_TARGET, null);
                            LOG.info(
                                    "TaskExecutor {} registered at ResourceManager {}",
                                    taskManagerId,
                                    resourceManagerAddress);
                            firstRegistration.complete(null);
                        },
                        mainThread);
    }

    private void retryRegistration(Throwable error) {
        long delay = Math.min(100L << Math.min(failedRegistrationAttempts, 10), MAX_REGISTRATION_BACKOFF_MILLIS);
        failedRegistrationAttempts++;
        LOG.info(
                "TaskExecutor {} could not register at ResourceManager {} (attempt {}): {}; trying again in {} ms",
                taskManagerId,
                resourceManagerAddress,
                failedRegistrationAttempts,
                error.toString(),
                delay);
        mainThread.schedule(this::registerAtResourceManager, Duration.ofMillis(delay));
    }

    private void onResourceManagerLost(HeartbeatLoss loss) {
        if (owner.isStopped()) {
            return;
        }
        LOG.warn(
                "TaskExecutor {}: {}; registering again",
                taskManagerId,
                loss.describe("ResourceManager " + resourceManagerAddress));
        registerAtResourceManager();
    }
}
