package io.sluice.benchmarks.jmh;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.ForySerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serialize + deserialize round trip of one value per operation, into a reused {@link
 * DataOutputSerializer} and back through a reused {@link DataInputDeserializer}: the per-record cost
 * of crossing a network edge, without the buffers. Serializers come from the same type extraction a
 * job uses, except the generic one, which is the Fory fallback a type gets when nothing else fits.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SerializerBenchmark {

    /** A record type (uses the record serializer). */
    public record Bid(long auction, long bidder, long price, String channel) {}

    /** A POJO with a public no-argument constructor, getters and setters (uses the POJO serializer). */
    public static class WordCount {
        private String word;
        private long count;

        public WordCount() {}

        public WordCount(String word, long count) {
            this.word = word;
            this.count = count;
        }

        public String getWord() {
            return word;
        }

        public void setWord(String word) {
            this.word = word;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }
    }

    /** Not a POJO (no no-argument constructor, final private fields without setters): the Fory fallback. */
    public static final class Opaque {
        private final String word;
        private final long count;

        public Opaque(String word, long count) {
            this.word = word;
            this.count = count;
        }

        public String word() {
            return word;
        }

        public long count() {
            return count;
        }
    }

    private final DataOutputSerializer out = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();

    private TypeSerializer<Long> longSerializer;
    private TypeSerializer<String> stringSerializer;
    private TypeSerializer<Tuple2<String, Long>> tupleSerializer;
    private TypeSerializer<Bid> recordSerializer;
    private TypeSerializer<WordCount> pojoSerializer;
    private TypeSerializer<Opaque> forySerializer;

    private final Long longValue = 1_234_567_890_123L;
    private final String stringValue = "w4711";
    private final Tuple2<String, Long> tupleValue = Tuple2.of("w4711", 42L);
    private final Bid recordValue = new Bid(17, 4711, 999, "web");
    private final WordCount pojoValue = new WordCount("w4711", 42L);
    private final Opaque opaqueValue = new Opaque("w4711", 42L);

    @Setup
    public void setUp() {
        ExecutionConfig config = new ExecutionConfig();
        longSerializer = Types.LONG.createSerializer(config);
        stringSerializer = Types.STRING.createSerializer(config);
        tupleSerializer =
                Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG).createSerializer(config);
        recordSerializer = TypeExtractor.createTypeInfo(Bid.class).createSerializer(config);
        pojoSerializer = TypeExtractor.createTypeInfo(WordCount.class).createSerializer(config);
        forySerializer = new ForySerializer<>(Opaque.class);
    }

    private <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        out.clear();
        serializer.serialize(value, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }

    @Benchmark
    public Long longRoundTrip() throws IOException {
        return roundTrip(longSerializer, longValue);
    }

    @Benchmark
    public String stringRoundTrip() throws IOException {
        return roundTrip(stringSerializer, stringValue);
    }

    @Benchmark
    public Tuple2<String, Long> tuple2StringLongRoundTrip() throws IOException {
        return roundTrip(tupleSerializer, tupleValue);
    }

    @Benchmark
    public Bid recordRoundTrip() throws IOException {
        return roundTrip(recordSerializer, recordValue);
    }

    @Benchmark
    public WordCount pojoRoundTrip() throws IOException {
        return roundTrip(pojoSerializer, pojoValue);
    }

    @Benchmark
    public Opaque foryFallbackRoundTrip() throws IOException {
        return roundTrip(forySerializer, opaqueValue);
    }
}
