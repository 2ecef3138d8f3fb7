/**
 * The remote half of the data plane, over Netty: one {@link io.sluice.runtime.network.netty.NettyServer}
 * per TaskManager serves its partitions; a {@link io.sluice.runtime.network.netty.NettyConnectionManager}
 * keeps one TCP connection per producer address, shared by all {@link
 * io.sluice.runtime.network.netty.RemoteInputChannel}s reading from there.
 *
 * <pre>
 *  consumer TaskManager                                 producer TaskManager
 *  RemoteInputChannel --PartitionRequest(credit)--->  PartitionRequestServerHandler
 *        ^            <--BufferResponse(backlog)----    (one Reader per channel,
 *        |            ---AddCredit(n)-------------->     sends only against credit)
 *  exclusive + floating segments (RemoteGateBuffers)    ResultSubpartitionView
 * </pre>
 *
 * <p>Credit-based flow control: a channel's credit is its free receive segments ({@code
 * buffers-per-channel} exclusive plus floating ones borrowed from its gate for the backlog the
 * sender announces). The sender copies a buffer into a frame only against credit and recycles it
 * at once, so producer memory stays within its pool and bytes in flight within the consumer's
 * credit. Message formats: {@link io.sluice.runtime.network.netty.NettyMessage}. Threading:
 * server state lives on the connection's event loop; see each class.
 */
package io.sluice.runtime.network.netty;
