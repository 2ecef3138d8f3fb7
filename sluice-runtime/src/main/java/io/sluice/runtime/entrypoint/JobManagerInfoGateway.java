package io.sluice.runtime.entrypoint;

import java.util.concurrent.CompletableFuture;

/** What a TaskManager asks the JobManager process about its services (the endpoint {@code jobmanager}). */
public interface JobManagerInfoGateway {
    /** {@code host:port} of the blob server TaskManagers fetch job jars from. */
    CompletableFuture<String> getBlobServerAddress();
}
