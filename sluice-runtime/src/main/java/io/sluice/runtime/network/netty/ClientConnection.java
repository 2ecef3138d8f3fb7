package io.sluice.runtime.network.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.sluice.runtime.network.netty.NettyMessage.AddCredit;
import io.sluice.runtime.network.netty.NettyMessage.BufferResponse;
import io.sluice.runtime.network.netty.NettyMessage.CancelPartition;
import io.sluice.runtime.network.netty.NettyMessage.ErrorResponse;
import io.sluice.runtime.network.netty.NettyMessage.PartitionNotFound;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of one data connection to one producer TaskManager, shared by every {@link
 * RemoteInputChannel} of this TaskManager that reads from there. Dispatches what arrives to the
 * channel it is addressed to; a lost connection fails every channel still reading, naming the
 * remote address.
 *
 * <p>Threading: inbound messages run on the connection's event loop. Channels register and
 * unregister from task threads (a concurrent map); everything they send goes through {@link
 * Channel#writeAndFlush}, which Netty hands to the event loop.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final InetSocketAddress remote;
    private final NettyConnectionManager manager;
    private final ConcurrentHashMap<InputChannelID, RemoteInputChannel> channels = new ConcurrentHashMap<>();
    private volatile Channel channel;
    private volatile boolean closing;

    ClientConnection(InetSocketAddress remote, NettyConnectionManager manager) {
        this.remote = remote;
        this.manager = manager;
    }

    void setChannel(Channel channel) {
        this.channel = channel;
    }

    boolean isActive() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    void register(RemoteInputChannel inputChannel) {
        channels.put(inputChannel.getId(), inputChannel);
    }

    /** Stops dispatching to {@code inputChannel}; with {@code cancel} the producer releases its subpartition. */
    void unregister(RemoteInputChannel inputChannel, boolean cancel) {
        if (channels.remove(inputChannel.getId()) != null && cancel && isActive()) {
            send(new CancelPartition(inputChannel.getId()));
        }
    }

    void send(NettyMessage message) {
        channel.writeAndFlush(message.encode(channel.alloc()));
    }

    void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException shutDown) {
            // The TaskManager's network is shutting down; its channels are released with it.
        }
    }

    void schedule(Runnable task, long delayMillis) {
        try {
            channel.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            // As above.
        }
    }

    /** Sends the credit {@code inputChannel} freed, batched with whatever it frees until the event loop runs. */
    void announceCredit(RemoteInputChannel inputChannel) {
        execute(() -> {
            int credit = inputChannel.takeUnannouncedCredit();
            if (credit > 0 && isActive()) {
                send(new AddCredit(inputChannel.getId(), credit));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyMessage message = (NettyMessage) msg;
        if (message instanceof BufferResponse response) {
            try {
                RemoteInputChannel target = channels.get(response.receiverId());
                if (target != null) {
                    target.onBuffer(response);
                }
                // else: the channel was released; its CancelPartition is on the way.
            } finally {
                response.data().release();
            }
        } else if (message instanceof PartitionNotFound notFound) {
            RemoteInputChannel target = channels.get(notFound.receiverId());
            if (target != null) {
                target.onPartitionNotFound();
            }
        } else if (message instanceof ErrorResponse error) {
            if (error.isFatal()) {
                failAll("the producer reported: " + error.message());
                ctx.close();
            } else {
                RemoteInputChannel target = channels.get(error.receiverId());
                if (target != null) {
                    target.onProducerError(error.message());
                }
            }
        } else {
            LOG.warn(
                    "Unexpected {} from producer {}; ignored",
                    message.getClass().getSimpleName(),
                    remote);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        manager.onConnectionClosed(remote, this);
        if (!closing) {
            failAll("connection closed by the remote side");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!closing) {
            LOG.warn("Data connection to producer {} failed", remote, cause);
            failAll(cause instanceof IOException ? "connection failed: " + cause.getMessage() : String.valueOf(cause));
        }
        ctx.close();
    }

    private void failAll(String reason) {
        for (RemoteInputChannel inputChannel : new ArrayList<>(channels.values())) {
            inputChannel.onConnectionLost(reason);
        }
    }

    /** Closes the connection without failing its channels (this TaskManager shuts down). */
    void close() {
        closing = true;
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "data connection to " + remote;
    }
}
