package io.sluice.runtime.network.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.sluice.runtime.network.api.EventSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.netty.NettyMessage.AddCredit;
import io.sluice.runtime.network.netty.NettyMessage.BufferResponse;
import io.sluice.runtime.network.netty.NettyMessage.CancelPartition;
import io.sluice.runtime.network.netty.NettyMessage.CloseRequest;
import io.sluice.runtime.network.netty.NettyMessage.ErrorResponse;
import io.sluice.runtime.network.netty.NettyMessage.PartitionNotFound;
import io.sluice.runtime.network.netty.NettyMessage.PartitionRequest;
import io.sluice.runtime.network.partition.PartitionNotFoundException;
import io.sluice.runtime.network.partition.ResultPartitionManager;
import io.sluice.runtime.network.partition.ResultSubpartitionView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of one data connection: serves the subpartitions its consumer TaskManager
 * requested, sending a buffer only against credit.
 *
 * <p>Threading: every field is owned by the connection's event loop. A producer task thread that
 * adds a buffer to an empty subpartition hops in with {@code eventLoop().execute}; nothing else
 * touches this object.
 *
 * <p>Flow: a reader is queued in {@code available} when its subpartition has data and its consumer
 * has credit. {@link #writeAvailable} takes readers round robin while the socket is writable, copies
 * one buffer into a frame with the backlog left behind, recycles the producer's buffer at once (the
 * bytes in flight are bounded by the consumer's credit) and flushes once per batch. After
 * end-of-partition the reader releases its subpartition; a failed producer becomes an {@link
 * ErrorResponse} carrying the cause.
 */
final class PartitionRequestServerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestServerHandler.class);

    private final ResultPartitionManager partitions;
    private final Map<InputChannelID, Reader> readers = new HashMap<>();
    private final ArrayDeque<Reader> available = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    /** One requested subpartition and its consumer's credit. Event loop only. */
    private final class Reader {
        final InputChannelID receiverId;
        ResultSubpartitionView view;
        int credit;
        int sequence;
        boolean queued;
        boolean released;

        Reader(InputChannelID receiverId, int credit) {
            this.receiverId = receiverId;
            this.credit = credit;
        }

        /** Called by the producer's task thread when the subpartition gets data: hop onto the event loop. */
        void onDataAvailable() {
            try {
                ctx.executor().execute(() -> enqueueIfAvailable(this));
            } catch (RejectedExecutionException shutDown) {
                // The data server is shutting down; the connection's close releases this reader.
            }
        }
    }

    PartitionRequestServerHandler(ResultPartitionManager partitions) {
        this.partitions = partitions;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyMessage message = (NettyMessage) msg;
        if (message instanceof PartitionRequest request) {
            onPartitionRequest(request);
        } else if (message instanceof AddCredit addCredit) {
            Reader reader = readers.get(addCredit.receiverId());
            if (reader != null) {
                reader.credit += addCredit.credit();
                enqueueIfAvailable(reader);
            }
        } else if (message instanceof CancelPartition cancel) {
            Reader reader = readers.get(cancel.receiverId());
            if (reader != null) {
                release(reader);
            }
        } else if (message instanceof CloseRequest) {
            releaseAll();
            ctx.close();
        } else {
            if (message instanceof BufferResponse response) {
                response.data().release();
            }
            LOG.warn(
                    "Unexpected {} from consumer {}; ignored",
                    message.getClass().getSimpleName(),
                    remote());
        }
    }

    private void onPartitionRequest(PartitionRequest request) {
        if (readers.containsKey(request.receiverId())) {
            sendError(
                    request.receiverId(),
                    "Input channel " + request.receiverId() + " requested partition " + request.partitionId()
                            + " twice on one connection");
            return;
        }
        Reader reader = new Reader(request.receiverId(), request.initialCredit());
        try {
            reader.view = partitions.createSubpartitionView(
                    request.partitionId(), request.subpartition(), reader::onDataAvailable);
        } catch (PartitionNotFoundException e) {
            ctx.writeAndFlush(new PartitionNotFound(request.receiverId()).encode(ctx.alloc()));
            return;
        } catch (IOException | RuntimeException e) {
            sendError(request.receiverId(), describe(e));
            return;
        }
        readers.put(reader.receiverId, reader);
        enqueueIfAvailable(reader);
    }

    private void enqueueIfAvailable(Reader reader) {
        if (reader.released || reader.queued) {
            return;
        }
        // A failed producer is reported without credit: the consumer may be waiting for nothing else.
        if (!reader.view.isReleasedByProducer() && (reader.credit <= 0 || !reader.view.isAvailable())) {
            return;
        }
        reader.queued = true;
        boolean wasEmpty = available.isEmpty();
        available.add(reader);
        if (wasEmpty) {
            writeAvailable();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writeAvailable();
    }

    private void writeAvailable() {
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            Reader reader = available.poll();
            if (reader == null) {
                break;
            }
            reader.queued = false;
            if (reader.released || (reader.credit <= 0 && !reader.view.isReleasedByProducer())) {
                continue;
            }
            Buffer buffer;
            try {
                buffer = reader.view.pollBuffer();
            } catch (IOException e) {
                sendError(reader.receiverId, describe(e));
                release(reader);
                continue;
            }
            if (buffer == null) {
                continue;
            }
            boolean endOfPartition = buffer.isEvent() && isEndOfPartition(buffer);
            reader.credit--;
            ctx.write(NettyMessage.writeBufferResponse(
                    ctx.alloc(),
                    reader.receiverId,
                    reader.sequence++,
                    reader.view.getBacklog(),
                    buffer.isEvent(),
                    buffer.getMemory(),
                    buffer.getSize()));
            buffer.recycleBuffer();
            wrote = true;
            if (endOfPartition) {
                release(reader);
            } else if (reader.view.isMoreAvailable() && reader.credit > 0) {
                reader.queued = true;
                available.add(reader);
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private static boolean isEndOfPartition(Buffer buffer) {
        return buffer.getSize() == 1 && buffer.getMemory()[0] == EventSerializer.END_OF_PARTITION;
    }

    private void release(Reader reader) {
        if (reader.released) {
            return;
        }
        reader.released = true;
        readers.remove(reader.receiverId);
        reader.view.releaseAllResources();
    }

    private void releaseAll() {
        for (Reader reader : new ArrayList<>(readers.values())) {
            release(reader);
        }
        available.clear();
    }

    private void sendError(InputChannelID receiverId, String message) {
        ctx.writeAndFlush(new ErrorResponse(receiverId, message).encode(ctx.alloc()));
    }

    private String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    private String remote() {
        return String.valueOf(ctx.channel().remoteAddress());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAll();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn(
                "Data connection from consumer {} failed; releasing its {} subpartitions",
                remote(),
                readers.size(),
                cause);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new ErrorResponse(
                            null,
                            "Producer TaskManager " + partitions.getTaskManagerId() + " closes the data connection: "
                                    + describe(cause))
                    .encode(ctx.alloc()));
        }
        releaseAll();
        ctx.close();
    }
}
