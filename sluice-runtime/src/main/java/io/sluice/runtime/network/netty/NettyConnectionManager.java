package io.sluice.runtime.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data connections of one TaskManager to its producers: exactly one TCP connection per remote
 * data address, opened by the first channel that needs it and shared by all later ones. A
 * connection that closes is forgotten, so the next request opens a new one. Thread-safe.
 */
public final class NettyConnectionManager implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final NettyTransport transport;
    private final int maxFrameLength;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<ClientConnection>> connections =
            new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyConnectionManager(NettyTransport transport, int maxFrameLength) {
        this.transport = transport;
        this.maxFrameLength = maxFrameLength;
    }

    /** The connection to {@code address}, opening it if there is none; completes on the event loop. */
    CompletableFuture<ClientConnection> connect(InetSocketAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the network environment is closed"));
        }
        CompletableFuture<ClientConnection> created = new CompletableFuture<>();
        CompletableFuture<ClientConnection> existing = connections.putIfAbsent(address, created);
        if (existing != null) {
            return existing;
        }
        ClientConnection handler = new ClientConnection(address, this);
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.group())
                .channel(transport.clientChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new NettyMessageDecoder(maxFrameLength), handler);
                    }
                });
        bootstrap.connect(address).addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                handler.setChannel(future.channel());
                created.complete(handler);
            } else {
                connections.remove(address, created);
                created.completeExceptionally(future.cause());
            }
        });
        return created;
    }

    void onConnectionClosed(InetSocketAddress address, ClientConnection connection) {
        connections.computeIfPresent(
                address, (key, future) -> future.isDone() && future.getNow(null) == connection ? null : future);
    }

    /** Open connections now (one per producer TaskManager in use). */
    public int getNumberOfConnections() {
        int open = 0;
        for (CompletableFuture<ClientConnection> future : connections.values()) {
            if (future.isDone()
                    && !future.isCompletedExceptionally()
                    && future.getNow(null).isActive()) {
                open++;
            }
        }
        return open;
    }

    /** Closes every connection without failing its channels (they are released with their tasks). */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<ClientConnection> future : new ArrayList<>(connections.values())) {
            future.thenAccept(ClientConnection::close);
        }
        connections.clear();
    }
}
