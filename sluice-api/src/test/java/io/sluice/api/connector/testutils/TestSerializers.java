package io.sluice.api.connector.testutils;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Minimal test-only serializers (the real ones live elsewhere). */
public final class TestSerializers {
    private TestSerializers() {}

    public static final class StringSer extends TypeSerializer<String> {
        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<String> duplicate() {
            return this;
        }

        @Override
        public String createInstance() {
            return "";
        }

        @Override
        public String copy(String from) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(String record, DataOutputView target) throws IOException {
            byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
            target.writeInt(bytes.length);
            target.write(bytes);
        }

        @Override
        public String deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public static final class LongSer extends TypeSerializer<Long> {
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
            return source.readLong();
        }
    }
}
