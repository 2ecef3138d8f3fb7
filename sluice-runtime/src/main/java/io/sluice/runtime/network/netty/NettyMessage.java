package io.sluice.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import java.nio.charset.StandardCharsets;

/**
 * The messages of the data plane and their wire format. Every frame is
 *
 * <pre>
 *   int length (of what follows) | byte type | payload
 * </pre>
 *
 * <p>Consumer to producer: {@link PartitionRequest}, {@link AddCredit}, {@link CancelPartition},
 * {@link CloseRequest}. Producer to consumer: {@link BufferResponse}, {@link ErrorResponse}, {@link
 * PartitionNotFound}. Buffer responses are not built as objects on the sending side: the server
 * writes them straight from the producer's buffer with {@link #writeBufferResponse}.
 */
public sealed interface NettyMessage {
    byte PARTITION_REQUEST = 0;
    byte BUFFER_RESPONSE = 1;
    byte ADD_CREDIT = 2;
    byte CANCEL_PARTITION = 3;
    byte ERROR_RESPONSE = 4;
    byte PARTITION_NOT_FOUND = 5;
    byte CLOSE_REQUEST = 6;

    /** Bytes of the frame header: length and type. */
    int HEADER_LENGTH = 5;

    /** Bytes of a buffer response before its data: header, receiver id, sequence, backlog, event flag, size. */
    int BUFFER_RESPONSE_HEADER_LENGTH = HEADER_LENGTH + 16 + 4 + 4 + 1 + 4;

    /** Encodes this message as one frame. */
    ByteBuf encode(ByteBufAllocator allocator);

    /** Opens subpartition {@code subpartition} of {@code partitionId} for receiver {@code receiverId}. */
    record PartitionRequest(
            ResultPartitionID partitionId, int subpartition, InputChannelID receiverId, int initialCredit)
            implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = header(allocator, PARTITION_REQUEST, 16 + 4 + 16 + 4 + 16 + 4);
            out.writeLong(partitionId.dataSetId().upper());
            out.writeLong(partitionId.dataSetId().lower());
            out.writeInt(partitionId.producerSubtask());
            out.writeLong(partitionId.producerAttempt().upper());
            out.writeLong(partitionId.producerAttempt().lower());
            out.writeInt(subpartition);
            receiverId.writeTo(out);
            out.writeInt(initialCredit);
            return out;
        }

        static PartitionRequest read(ByteBuf in) {
            IntermediateDataSetID dataSet = new IntermediateDataSetID(in.readLong(), in.readLong());
            int producerSubtask = in.readInt();
            ExecutionAttemptID attempt = new ExecutionAttemptID(in.readLong(), in.readLong());
            int subpartition = in.readInt();
            InputChannelID receiver = InputChannelID.readFrom(in);
            int credit = in.readInt();
            return new PartitionRequest(
                    new ResultPartitionID(dataSet, producerSubtask, attempt), subpartition, receiver, credit);
        }
    }

    /**
     * One buffer or event for {@code receiverId}; {@code data} is a retained slice the receiver must
     * release. {@code backlog} is what the sender still has queued for that receiver.
     */
    record BufferResponse(InputChannelID receiverId, int sequence, int backlog, boolean isEvent, ByteBuf data)
            implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            throw new UnsupportedOperationException("Buffer responses are written with writeBufferResponse");
        }

        static BufferResponse read(ByteBuf in) {
            InputChannelID receiver = InputChannelID.readFrom(in);
            int sequence = in.readInt();
            int backlog = in.readInt();
            boolean isEvent = in.readByte() != 0;
            int size = in.readInt();
            return new BufferResponse(receiver, sequence, backlog, isEvent, in.readRetainedSlice(size));
        }
    }

    /** The receiver has {@code credit} more free buffers. */
    record AddCredit(InputChannelID receiverId, int credit) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = header(allocator, ADD_CREDIT, 16 + 4);
            receiverId.writeTo(out);
            out.writeInt(credit);
            return out;
        }
    }

    /** The receiver stopped reading (canceled or failed): release its subpartition. */
    record CancelPartition(InputChannelID receiverId) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = header(allocator, CANCEL_PARTITION, 16);
            receiverId.writeTo(out);
            return out;
        }
    }

    /** The consumer closes the connection: release everything it reads. */
    record CloseRequest() implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            return header(allocator, CLOSE_REQUEST, 0);
        }
    }

    /** The partition is not registered on the producer's TaskManager (yet); the receiver may retry. */
    record PartitionNotFound(InputChannelID receiverId) implements NettyMessage {
        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            ByteBuf out = header(allocator, PARTITION_NOT_FOUND, 16);
            receiverId.writeTo(out);
            return out;
        }
    }

    /**
     * A failure on the producer side: for {@code receiverId}, or for the whole connection if it is
     * null ({@link #isFatal()}).
     */
    record ErrorResponse(InputChannelID receiverId, String message) implements NettyMessage {
        public boolean isFatal() {
            return receiverId == null;
        }

        @Override
        public ByteBuf encode(ByteBufAllocator allocator) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            ByteBuf out = header(allocator, ERROR_RESPONSE, 1 + 16 + 4 + text.length);
            out.writeBoolean(receiverId != null);
            (receiverId == null ? new InputChannelID(0, 0) : receiverId).writeTo(out);
            out.writeInt(text.length);
            out.writeBytes(text);
            return out;
        }

        static ErrorResponse read(ByteBuf in) {
            boolean hasReceiver = in.readBoolean();
            InputChannelID receiver = InputChannelID.readFrom(in);
            int length = in.readInt();
            String message = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
            return new ErrorResponse(hasReceiver ? receiver : null, message);
        }
    }

    /** Writes a buffer response frame holding {@code length} bytes of {@code memory}. */
    static ByteBuf writeBufferResponse(
            ByteBufAllocator allocator,
            InputChannelID receiverId,
            int sequence,
            int backlog,
            boolean isEvent,
            byte[] memory,
            int length) {
        ByteBuf out = allocator.directBuffer(BUFFER_RESPONSE_HEADER_LENGTH + length);
        out.writeInt(BUFFER_RESPONSE_HEADER_LENGTH - 4 + length);
        out.writeByte(BUFFER_RESPONSE);
        receiverId.writeTo(out);
        out.writeInt(sequence);
        out.writeInt(backlog);
        out.writeBoolean(isEvent);
        out.writeInt(length);
        out.writeBytes(memory, 0, length);
        return out;
    }

    /**
     * Decodes one frame whose length prefix was already stripped. Does not release {@code frame};
     * a {@link BufferResponse} holds a retained slice of it.
     */
    static NettyMessage decode(ByteBuf frame) {
        byte type = frame.readByte();
        return switch (type) {
            case PARTITION_REQUEST -> PartitionRequest.read(frame);
            case BUFFER_RESPONSE -> BufferResponse.read(frame);
            case ADD_CREDIT -> new AddCredit(InputChannelID.readFrom(frame), frame.readInt());
            case CANCEL_PARTITION -> new CancelPartition(InputChannelID.readFrom(frame));
            case ERROR_RESPONSE -> ErrorResponse.read(frame);
            case PARTITION_NOT_FOUND -> new PartitionNotFound(InputChannelID.readFrom(frame));
            case CLOSE_REQUEST -> new CloseRequest();
            default -> throw new IllegalStateException("Unknown data-plane message type " + type
                    + ": the peer runs a different Sluice version, or this is not a Sluice data connection");
        };
    }

    private static ByteBuf header(ByteBufAllocator allocator, byte type, int payloadLength) {
        ByteBuf out = allocator.buffer(HEADER_LENGTH + payloadLength);
        out.writeInt(1 + payloadLength);
        out.writeByte(type);
        return out;
    }
}
