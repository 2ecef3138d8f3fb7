package io.sluice.benchmarks.jmh;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.network.LocalPartitionDirectory;
import io.sluice.runtime.network.NetworkConfig;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.network.api.serialization.RecordDeserializer.DeserializationResult;
import io.sluice.runtime.network.api.serialization.SpanningRecordDeserializer;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.consumer.BufferOrEvent;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.partitioner.ChannelSelector;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The buffer path of a network edge in one thread: {@link RecordWriter} serializes {@code
 * Tuple2<String, Long>} records into the buffers of a {@link ResultPartition} of a {@link
 * NetworkEnvironment}, a local channel hands them to a {@link SingleInputGate}, and a {@link
 * SpanningRecordDeserializer} reads the records back. The writer emits while its pool has a free
 * buffer and the reader drains the gate whenever it has not, so one thread plays both tasks and the
 * score (records per second) is the sum of both sides' costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class BufferPathBenchmark {
    static final int RECORDS_PER_INVOCATION = 100_000;
    private static final int WORDS = 1_000;

    private NetworkEnvironment network;
    private RecordWriter<Tuple2<String, Long>> writer;
    private SingleInputGate gate;
    private SpanningRecordDeserializer<Tuple2<String, Long>> deserializer;
    private Tuple2<String, Long>[] records;
    private long received;
    private long checksum;

    /** Every record to subpartition 0: the path under test, not the partitioner. */
    static final class FirstChannel<T> implements ChannelSelector<T> {
        @Override
        public void setup(int numberOfChannels) {}

        @Override
        public int selectChannel(T record) {
            return 0;
        }

        @Override
        public boolean isBroadcast() {
            return false;
        }
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        TypeSerializer<Tuple2<String, Long>> serializer =
                Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG).createSerializer(new ExecutionConfig());
        network = new NetworkEnvironment(NetworkConfig.defaults(), "tm-bench", new LocalPartitionDirectory());
        ResultPartitionID id = new ResultPartitionID(new IntermediateDataSetID(0, 1), 0, new ExecutionAttemptID(0, 1));
        ResultPartition partition =
                network.createResultPartition(new ResultPartitionDeploymentDescriptor(id, 1), "bench-producer");
        gate = network.createInputGate(
                new InputGateDeploymentDescriptor(
                        id.dataSetId(),
                        0,
                        List.of(new InputChannelDescriptor(id, 0, new ProducerLocation("tm-bench", "127.0.0.1", 0)))),
                "bench-consumer");
        gate.requestPartitions();
        writer = new RecordWriter<>(partition, new FirstChannel<>(), serializer, -1);
        deserializer = new SpanningRecordDeserializer<>(serializer.duplicate());
        records = new Tuple2[WORDS];
        for (int i = 0; i < WORDS; i++) {
            records[i] = Tuple2.of("w" + (i * 7919 % 10_000), (long) i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        writer.close();
        gate.close();
        network.close();
        if (received == 0 || checksum == 0) {
            throw new IllegalStateException("Buffer path benchmark received no records: the gate delivered nothing");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public long writeAndReadBack() throws Exception {
        long target = received + RECORDS_PER_INVOCATION;
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++) {
            if (!writer.isAvailable()) {
                drain();
            }
            writer.emit(records[i % WORDS], 0);
        }
        writer.flushAll();
        while (received < target) {
            drain();
        }
        if (received != target) {
            throw new IllegalStateException("Read " + received + " records, expected " + target);
        }
        return checksum;
    }

    /** Reads every buffer the gate has now, recycling each. */
    private void drain() throws Exception {
        BufferOrEvent next;
        while ((next = gate.pollNext()) != null) {
            if (next.isEvent()) {
                throw new IllegalStateException("Unexpected event on the benchmark channel: " + next);
            }
            Buffer buffer = next.getBuffer();
            deserializer.setNextBuffer(buffer);
            DeserializationResult result;
            do {
                result = deserializer.getNextRecord();
                if (result.isFullRecord()) {
                    checksum += deserializer.getRecord().f1;
                    received++;
                }
            } while (!result.isBufferConsumed());
            buffer.recycleBuffer();
        }
    }
}
