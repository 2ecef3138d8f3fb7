package io.sluice.runtime.network.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.api.serialization.RecordDeserializer.DeserializationResult;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.buffer.NetworkBufferPool;
import io.sluice.runtime.network.testutils.LongSerializer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SpanningRecordDeserializerTest {
    private final LocalBufferPool pool = new NetworkBufferPool(8, 16).createBufferPool("test", 1, 8);

    private Buffer buffer(int... bytes) {
        Buffer buffer = pool.requestBuffer();
        for (int i = 0; i < bytes.length; i++) {
            buffer.getMemory()[i] = (byte) bytes[i];
        }
        buffer.setSize(bytes.length);
        return buffer;
    }

    @Test
    void recordEndingExactlyAtTheBufferEndIsTheLastRecordFromIt() throws IOException {
        SpanningRecordDeserializer<Long> deserializer = new SpanningRecordDeserializer<>(new LongSerializer());
        deserializer.setNextBuffer(buffer(0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 5));
        assertThat(deserializer.getNextRecord()).isEqualTo(DeserializationResult.LAST_RECORD_FROM_BUFFER);
        assertThat(deserializer.getRecord()).isEqualTo(5L);
        assertThat(deserializer.hasUnfinishedData()).isFalse();
    }

    @Test
    void lengthPrefixSplitAcrossBuffersIsReassembled() throws IOException {
        SpanningRecordDeserializer<Long> deserializer = new SpanningRecordDeserializer<>(new LongSerializer());
        deserializer.setNextBuffer(buffer(0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(deserializer.getNextRecord()).isEqualTo(DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER);
        assertThat(deserializer.getRecord()).isEqualTo(1L);
        assertThat(deserializer.getNextRecord()).isEqualTo(DeserializationResult.PARTIAL_RECORD);
        assertThat(deserializer.hasUnfinishedData()).isTrue();

        deserializer.setNextBuffer(buffer(0, 8, 0, 0, 0, 0));
        assertThat(deserializer.getNextRecord()).isEqualTo(DeserializationResult.PARTIAL_RECORD);

        deserializer.setNextBuffer(buffer(0, 0, 1, 2));
        assertThat(deserializer.getNextRecord()).isEqualTo(DeserializationResult.LAST_RECORD_FROM_BUFFER);
        assertThat(deserializer.getRecord()).isEqualTo(0x0102L);
    }

    @Test
    void settingANewBufferBeforeTheCurrentIsConsumedIsRejected() throws IOException {
        SpanningRecordDeserializer<Long> deserializer = new SpanningRecordDeserializer<>(new LongSerializer());
        deserializer.setNextBuffer(buffer(0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0));
        deserializer.getNextRecord();
        assertThatThrownBy(() -> deserializer.setNextBuffer(buffer(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 bytes of the previous buffer are unread");
    }

    @Test
    void serializerReadingFewerBytesThanWrittenIsReported() {
        TypeSerializer<Long> readsFour = new TypeSerializer<>() {
            @Override
            public boolean isImmutableType() {
                return true;
            }

            @Override
            public TypeSerializer<Long> duplicate() {
                return this;
            }

            @Override
            public Long createInstance() {
                return 0L;
            }

            @Override
            public Long copy(Long from) {
                return from;
            }

            @Override
            public int getLength() {
                return 8;
            }

            @Override
            public void serialize(Long record, DataOutputView target) throws IOException {
                target.writeLong(record);
            }

            @Override
            public Long deserialize(DataInputView source) throws IOException {
                return (long) source.readInt();
            }
        };
        SpanningRecordDeserializer<Long> deserializer = new SpanningRecordDeserializer<>(readsFour);
        deserializer.setNextBuffer(buffer(0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 5));
        assertThatThrownBy(deserializer::getNextRecord)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("read 4 bytes of a 8-byte record: its serialize and deserialize disagree");
    }
}
