package io.sluice.runtime.deployment;

import java.io.Serializable;

/**
 * Where a producer runs: its TaskManager's id and data-plane address. A consumer on the same
 * TaskManager reads through a local channel; otherwise it connects to {@code host:dataPort}.
 */
public record ProducerLocation(String taskManagerId, String host, int dataPort) implements Serializable {}
