package io.sluice.runtime.network.testutils;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.api.AbstractEvent;
import io.sluice.runtime.network.api.serialization.RecordDeserializer;
import io.sluice.runtime.network.api.serialization.RecordDeserializer.DeserializationResult;
import io.sluice.runtime.network.api.serialization.SpanningRecordDeserializer;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.partition.consumer.BufferOrEvent;
import io.sluice.runtime.network.partition.consumer.InputGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Test-only consumer loop: reads a gate the way a task does (poll, wait on the availability future
 * when empty), one deserializer per channel, and records what arrived per channel, as records and
 * events in arrival order ("event:" + toString() for events).
 */
public final class GateReader<T> {
    private final InputGate gate;
    private final List<RecordDeserializer<T>> deserializers = new ArrayList<>();
    private final List<List<Object>> perChannel = new ArrayList<>();

    private long waitSeconds = 60;

    public GateReader(InputGate gate, TypeSerializer<T> serializer, long waitSeconds) {
        this(gate, serializer);
        this.waitSeconds = waitSeconds;
    }

    public GateReader(InputGate gate, TypeSerializer<T> serializer) {
        this.gate = gate;
        for (int i = 0; i < gate.getNumberOfChannels(); i++) {
            deserializers.add(new SpanningRecordDeserializer<>(serializer));
            perChannel.add(new ArrayList<>());
        }
    }

    /** Reads until the gate is finished; returns what each channel delivered. */
    public List<List<Object>> readAll() throws Exception {
        readUntilFinished(r -> {});
        return perChannel;
    }

    /** Like {@link #readAll()} but only counts records (for large volumes) and hands them to {@code sink}. */
    public void readUntilFinished(Consumer<T> sink) throws Exception {
        while (!gate.isFinished()) {
            BufferOrEvent next = gate.pollNext();
            if (next == null) {
                if (!gate.isFinished()) {
                    gate.getAvailableFuture().get(waitSeconds, TimeUnit.SECONDS);
                }
                continue;
            }
            handle(next, sink);
        }
    }

    public void handle(BufferOrEvent next, Consumer<T> sink) throws Exception {
        int channel = next.getChannelIndex();
        if (next.isEvent()) {
            AbstractEvent event = next.getEvent();
            perChannel.get(channel).add("event:" + event);
            return;
        }
        Buffer buffer = next.getBuffer();
        RecordDeserializer<T> deserializer = deserializers.get(channel);
        deserializer.setNextBuffer(buffer);
        DeserializationResult result;
        do {
            result = deserializer.getNextRecord();
            if (result.isFullRecord()) {
                T record = deserializer.getRecord();
                sink.accept(record);
                if (collect) {
                    perChannel.get(channel).add(record);
                }
            }
        } while (!result.isBufferConsumed());
        buffer.recycleBuffer();
    }

    private boolean collect = true;

    /** Stops keeping records (events are still kept); for volume tests. */
    public GateReader<T> countOnly() {
        collect = false;
        return this;
    }

    public List<List<Object>> getPerChannel() {
        return perChannel;
    }
}
