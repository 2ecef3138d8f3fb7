package io.sluice.runtime.network.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.sluice.runtime.network.partition.ResultPartitionManager;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data server of one TaskManager: accepts connections from consumer TaskManagers and serves
 * their partition requests from this TaskManager's {@link ResultPartitionManager}, one {@link
 * PartitionRequestServerHandler} per connection. Binding happens in the constructor (blocking).
 */
public final class NettyServer implements AutoCloseable {
    private final Channel serverChannel;
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    /** Accepted connections still open: closed explicitly on {@link #close()}, so consumers see it at once. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    public NettyServer(
            NettyTransport transport,
            ResultPartitionManager partitions,
            String bindHost,
            int port,
            int maxFrameLength) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannelClass())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        acceptedConnections.incrementAndGet();
                        connections.add(channel);
                        channel.pipeline()
                                .addLast(new NettyMessageDecoder(maxFrameLength))
                                .addLast(new PartitionRequestServerHandler(partitions));
                    }
                });
        try {
            this.serverChannel =
                    bootstrap.bind(bindHost, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "TaskManager " + partitions.getTaskManagerId() + " cannot bind its data server to " + bindHost + ":"
                            + port + ": " + e.getMessage() + " (port in use? set another data port)",
                    e);
        }
    }

    /** The address consumers connect to. */
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Connections accepted since start (consumer TaskManagers share one connection each). */
    public int getNumberOfAcceptedConnections() {
        return acceptedConnections.get();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
