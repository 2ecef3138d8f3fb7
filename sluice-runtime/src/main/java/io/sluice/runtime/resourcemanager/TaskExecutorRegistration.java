package io.sluice.runtime.resourcemanager;

import io.sluice.runtime.deployment.ProducerLocation;
import java.io.Serializable;

/**
 * What a TaskExecutor tells the ResourceManager when it starts.
 *
 * @param address where its {@code TaskExecutorGateway} is found in the RPC service
 * @param dataLocation where consumers find the partitions its tasks produce
 */
public record TaskExecutorRegistration(
        String taskManagerId, String address, int numberOfSlots, ProducerLocation dataLocation)
        implements Serializable {}
