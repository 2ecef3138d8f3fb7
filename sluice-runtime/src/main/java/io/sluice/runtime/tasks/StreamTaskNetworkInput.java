package io.sluice.runtime.tasks;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.runtime.network.api.CheckpointBarrier;
import io.sluice.runtime.network.api.EndOfPartitionEvent;
import io.sluice.runtime.network.api.serialization.RecordDeserializer;
import io.sluice.runtime.network.api.serialization.RecordDeserializer.DeserializationResult;
import io.sluice.runtime.network.api.serialization.SpanningRecordDeserializer;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.partition.consumer.BufferOrEvent;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.streamrecord.StreamElementSerializer;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one input gate: takes buffers from its channels, deserializes stream elements with one
 * deserializer per channel, and hands records to the task's handler; watermarks and watermark
 * statuses go through the input's {@link WatermarkValve}, which hands the combined ones on.
 * Task thread only.
 */
final class StreamTaskNetworkInput implements WatermarkValve.ValveOutput {
    /** Receives what this input reads; implemented by the task for its head operator. */
    interface Handler {
        void processElement(int typeNumber, StreamElement record) throws Exception;

        void processWatermark(int typeNumber, WatermarkElement watermark) throws Exception;

        void processWatermarkStatus(int typeNumber, WatermarkStatus status) throws Exception;
    }

    private final SingleInputGate gate;
    private final int typeNumber;
    private final CheckpointBarrierHandler barriers;
    /** This gate's first channel in the task's global channel numbering (for the barrier handler). */
    private final int barrierChannelOffset;
    /** Buffers and events of blocked channels, per channel, in arrival order. */
    private final ArrayDeque<BufferOrEvent>[] stashed;
    /** Stashed elements of channels unblocked again: read before the gate. */
    private final ArrayDeque<BufferOrEvent> replay = new ArrayDeque<>();

    private int stashedCount;
    private int endedChannels;
    private final WatermarkValve valve;
    private final int channelOffset;
    private final RecordDeserializer<StreamElement>[] deserializers;
    private RecordDeserializer<StreamElement> current;
    private Buffer currentBuffer;
    private int currentChannel;
    private boolean finished;
    /** The handler of the current {@link #process} call, for the valve's callbacks. */
    private Handler handler;

    @SuppressWarnings({"unchecked", "rawtypes"})
    StreamTaskNetworkInput(
            SingleInputGate gate,
            int typeNumber,
            StreamElementSerializer<?> serializer,
            WatermarkValve valve,
            int channelOffset,
            CheckpointBarrierHandler barriers,
            int barrierChannelOffset) {
        this.gate = gate;
        this.barriers = barriers;
        this.barrierChannelOffset = barrierChannelOffset;
        this.stashed = new ArrayDeque[gate.getNumberOfChannels()];
        this.typeNumber = typeNumber;
        this.valve = valve;
        this.channelOffset = channelOffset;
        this.deserializers = new RecordDeserializer[gate.getNumberOfChannels()];
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i] = new SpanningRecordDeserializer<>(serializer.duplicate());
        }
    }

    SingleInputGate getGate() {
        return gate;
    }

    boolean isFinished() {
        return finished;
    }

    CompletableFuture<?> getAvailableFuture() {
        return replay.isEmpty() ? gate.getAvailableFuture() : CompletableFuture.completedFuture(null);
    }

    /** Moves what blocked channels held back (and are no longer blocked) in front of the gate. */
    void releaseUnblocked() {
        if (stashedCount == 0) {
            return;
        }
        for (int c = 0; c < stashed.length; c++) {
            ArrayDeque<BufferOrEvent> q = stashed[c];
            if (q != null && !q.isEmpty() && !barriers.isBlocked(barrierChannelOffset + c)) {
                stashedCount -= q.size();
                replay.addAll(q);
                q.clear();
            }
        }
    }

    /** The next buffer or event of a channel that is not blocked; null if there is none now. */
    private BufferOrEvent nextBufferOrEvent() throws Exception {
        while (true) {
            BufferOrEvent next = replay.isEmpty() ? gate.pollNext() : replay.poll();
            if (next == null) {
                return null;
            }
            int channel = next.getChannelIndex();
            if (!barriers.isBlocked(barrierChannelOffset + channel)) {
                return next;
            }
            ArrayDeque<BufferOrEvent> q = stashed[channel];
            if (q == null) {
                q = new ArrayDeque<>();
                stashed[channel] = q;
            }
            q.add(next);
            stashedCount++;
        }
    }

    /** Processes up to {@code maxRecords} records; says whether more may be available now. */
    InputStatus process(Handler handler, int maxRecords) throws Exception {
        this.handler = handler;
        int processed = 0;
        while (true) {
            if (current != null) {
                DeserializationResult result = current.getNextRecord();
                if (result.isBufferConsumed()) {
                    Buffer b = currentBuffer;
                    currentBuffer = null;
                    RecordDeserializer<StreamElement> d = current;
                    current = null;
                    if (result.isFullRecord()) {
                        b.recycleBuffer();
                        dispatch(handler, d.getRecord(), currentChannel);
                        if (++processed >= maxRecords) {
                            return InputStatus.MORE_AVAILABLE;
                        }
                        continue;
                    }
                    b.recycleBuffer();
                } else if (result.isFullRecord()) {
                    dispatch(handler, current.getRecord(), currentChannel);
                    if (++processed >= maxRecords) {
                        return InputStatus.MORE_AVAILABLE;
                    }
                    continue;
                }
            }
            if (finished) {
                return InputStatus.END_OF_INPUT;
            }
            BufferOrEvent next = nextBufferOrEvent();
            if (next == null) {
                return processed > 0 ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
            }
            int channel = next.getChannelIndex();
            if (next.isBuffer()) {
                currentChannel = channel;
                currentBuffer = next.getBuffer();
                current = deserializers[channel];
                current.setNextBuffer(currentBuffer);
            } else if (next.getEvent() instanceof EndOfPartitionEvent) {
                valve.channelFinished(channelOffset + channel, this);
                endedChannels++;
                barriers.processEndOfPartition(barrierChannelOffset + channel);
                if (endedChannels == deserializers.length) {
                    finished = true;
                    return InputStatus.END_OF_INPUT;
                }
            } else if (next.getEvent() instanceof CheckpointBarrier barrier) {
                barriers.processBarrier(barrier, barrierChannelOffset + channel);
                // a snapshot may have been taken: let the task look at its mailbox and outputs
                return InputStatus.MORE_AVAILABLE;
            } else {
                throw new IllegalStateException("Unexpected event " + next.getEvent() + " on " + gate);
            }
        }
    }

    private void dispatch(Handler handler, StreamElement element, int channel) throws Exception {
        if (element.isRecord()) {
            handler.processElement(typeNumber, element);
        } else if (element.isWatermark()) {
            valve.onWatermark(channelOffset + channel, element.asWatermark().getTimestamp(), this);
        } else {
            valve.onStatus(channelOffset + channel, element.asWatermarkStatus(), this);
        }
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        handler.processWatermark(typeNumber, new WatermarkElement(watermark));
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
        handler.processWatermarkStatus(typeNumber, status);
    }

    /** Releases the current buffer and the gate (end or failure). */
    void close() {
        for (BufferOrEvent b : replay) {
            if (b.isBuffer()) {
                b.getBuffer().recycleBuffer();
            }
        }
        replay.clear();
        for (ArrayDeque<BufferOrEvent> q : stashed) {
            if (q != null) {
                for (BufferOrEvent b : q) {
                    if (b.isBuffer()) {
                        b.getBuffer().recycleBuffer();
                    }
                }
                q.clear();
            }
        }
        if (currentBuffer != null) {
            currentBuffer.recycleBuffer();
            currentBuffer = null;
        }
        for (RecordDeserializer<StreamElement> d : deserializers) {
            d.clear();
        }
        gate.close();
    }
}
