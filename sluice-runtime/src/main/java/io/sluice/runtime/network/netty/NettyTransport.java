package io.sluice.runtime.network.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops of one TaskManager's data plane, shared by its server and its client
 * connections: the native epoll transport when it loads, NIO otherwise. Threads are daemons named
 * {@code sluice-netty-<taskManagerId>-N}.
 */
public final class NettyTransport implements AutoCloseable {
    private final boolean epoll;
    private final MultiThreadIoEventLoopGroup group;

    public NettyTransport(String taskManagerId, int threads) {
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("sluice-netty-" + taskManagerId, true), factory);
    }

    public boolean isEpoll() {
        return epoll;
    }

    MultiThreadIoEventLoopGroup group() {
        return group;
    }

    Class<? extends ServerChannel> serverChannelClass() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> clientChannelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Closes every connection and stops the threads, waiting at most a few seconds. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
