/**
 * The consuming side of the data plane: an {@link io.sluice.runtime.network.partition.consumer.InputGate}
 * per input edge of a task, with one {@link io.sluice.runtime.network.partition.consumer.InputChannel}
 * per producer subpartition it reads. Local channels read a subpartition of the same JVM directly;
 * remote channels ({@link io.sluice.runtime.network.netty.RemoteInputChannel}, Netty,
 * credit-based) implement the same abstraction.
 */
package io.sluice.runtime.network.partition.consumer;
