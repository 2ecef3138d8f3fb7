package io.sluice.runtime.streamrecord;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Serializes what travels between tasks: a tag byte (record, record with timestamp, watermark, watermark
 * status),
 * the timestamp if any, then the value.
 *
 * <p>Deserialization returns one reused {@link StreamRecord} per serializer instance: each input
 * channel has its own instance ({@link #duplicate()}), and operators never keep the record object
 * past the call that received it. No allocation per record beyond the value itself.
 */
public final class StreamElementSerializer<T> extends TypeSerializer<StreamElement> {
    private static final long serialVersionUID = 1L;

    private static final int TAG_RECORD = 0;
    private static final int TAG_RECORD_WITH_TIMESTAMP = 1;
    private static final int TAG_WATERMARK = 2;
    private static final int TAG_WATERMARK_STATUS = 3;

    private final TypeSerializer<T> valueSerializer;
    private transient StreamRecord<T> reuse;

    public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    public TypeSerializer<T> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public StreamElementSerializer<T> duplicate() {
        return new StreamElementSerializer<>(valueSerializer.duplicate());
    }

    @Override
    public StreamElement createInstance() {
        return new StreamRecord<>(valueSerializer.createInstance());
    }

    @Override
    public StreamElement copy(StreamElement from) {
        if (from.isRecord()) {
            StreamRecord<T> r = from.asRecord();
            T v = valueSerializer.copy(r.getValue());
            return r.hasTimestamp() ? new StreamRecord<>(v, r.getTimestamp()) : new StreamRecord<>(v);
        }
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(StreamElement element, DataOutputView target) throws IOException {
        if (element.isRecord()) {
            StreamRecord<T> r = element.asRecord();
            if (r.hasTimestamp()) {
                target.writeByte(TAG_RECORD_WITH_TIMESTAMP);
                target.writeLong(r.getTimestamp());
            } else {
                target.writeByte(TAG_RECORD);
            }
            valueSerializer.serialize(r.getValue(), target);
        } else if (element.isWatermark()) {
            target.writeByte(TAG_WATERMARK);
            target.writeLong(element.asWatermark().getTimestamp());
        } else if (element.isWatermarkStatus()) {
            target.writeByte(TAG_WATERMARK_STATUS);
            target.writeBoolean(element.asWatermarkStatus().isIdle());
        } else {
            throw new IOException("Cannot serialize stream element " + element);
        }
    }

    @Override
    public StreamElement deserialize(DataInputView source) throws IOException {
        int tag = source.readByte();
        switch (tag) {
            case TAG_RECORD -> {
                StreamRecord<T> r = reuseRecord();
                r.replace(valueSerializer.deserialize(source));
                r.eraseTimestamp();
                return r;
            }
            case TAG_RECORD_WITH_TIMESTAMP -> {
                long ts = source.readLong();
                return reuseRecord().replace(valueSerializer.deserialize(source), ts);
            }
            case TAG_WATERMARK -> {
                return new WatermarkElement(source.readLong());
            }
            case TAG_WATERMARK_STATUS -> {
                return source.readBoolean() ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
            }
            default -> throw new IOException("Corrupt stream: unknown element tag " + tag
                    + " (the producer and consumer disagree on the serializer, or the data was damaged)");
        }
    }

    private StreamRecord<T> reuseRecord() {
        StreamRecord<T> r = reuse;
        if (r == null) {
            r = new StreamRecord<>(null);
            reuse = r;
        }
        return r;
    }
}
