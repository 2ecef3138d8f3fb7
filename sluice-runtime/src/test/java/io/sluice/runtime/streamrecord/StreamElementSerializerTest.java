package io.sluice.runtime.streamrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class StreamElementSerializerTest {
    @Test
    void whenRecordsWatermarksAndStatusesAreWritten_thenTheyReadBackInOrder() throws Exception {
        StreamElementSerializer<Long> serializer =
                new StreamElementSerializer<>(Types.LONG.createSerializer(new ExecutionConfig()));
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(new StreamRecord<>(7L, 42), out);
        serializer.serialize(WatermarkStatus.IDLE, out);
        serializer.serialize(new WatermarkElement(41), out);
        serializer.serialize(WatermarkStatus.ACTIVE, out);
        serializer.serialize(new StreamRecord<>(8L), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in)).isEqualTo(new StreamRecord<>(7L, 42));
        assertThat(serializer.deserialize(in)).isSameAs(WatermarkStatus.IDLE);
        assertThat(serializer.deserialize(in)).isEqualTo(new WatermarkElement(41));
        assertThat(serializer.deserialize(in)).isSameAs(WatermarkStatus.ACTIVE);
        assertThat(serializer.deserialize(in)).isEqualTo(new StreamRecord<>(8L));
    }
}
