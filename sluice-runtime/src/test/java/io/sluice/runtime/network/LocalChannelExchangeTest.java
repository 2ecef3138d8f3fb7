package io.sluice.runtime.network;

import static io.sluice.runtime.network.testutils.Descriptors.gate;
import static io.sluice.runtime.network.testutils.Descriptors.partition;
import static io.sluice.runtime.network.testutils.Descriptors.partitionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.api.serialization.RecordDeserializer;
import io.sluice.runtime.network.api.serialization.RecordDeserializer.DeserializationResult;
import io.sluice.runtime.network.api.serialization.SpanningRecordDeserializer;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.InsufficientNetworkBuffersException;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.consumer.BufferOrEvent;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.network.testutils.BytesSerializer;
import io.sluice.runtime.network.testutils.GateReader;
import io.sluice.runtime.network.testutils.LongSerializer;
import io.sluice.runtime.partitioner.ChannelSelector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Producer and consumer on their own threads, through local channels. */
class LocalChannelExchangeTest {
    private static final String TM = "tm-1";
    private final List<NetworkEnvironment> envs = new ArrayList<>();

    private NetworkEnvironment env(NetworkConfig config, String tm, LocalPartitionDirectory directory) {
        NetworkEnvironment env = new NetworkEnvironment(config, tm, directory);
        envs.add(env);
        return env;
    }

    private NetworkEnvironment env(NetworkConfig config) {
        return env(config, TM, new LocalPartitionDirectory());
    }

    @AfterEach
    void closeAll() {
        envs.forEach(NetworkEnvironment::close);
    }

    static final class FixedChannel<T> implements ChannelSelector<T> {
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

    /** Runs {@code body} on a new thread; the future holds its failure (null on success). */
    static CompletableFuture<Throwable> runAsync(String name, ThrowingRunnable body) {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                        result.complete(null);
                    } catch (Throwable t) {
                        result.complete(t);
                    }
                },
                name);
        thread.start();
        return result;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void millionLongsCrossTwoChannelsInExactOrder_withBuffersInFlightBoundedByThePool() throws Exception {
        NetworkEnvironment env = env(NetworkConfig.defaults());
        ResultPartitionID id = partitionId(1, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 2), "producer");
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0, 1), "consumer");
        LocalBufferPool pool = partition.getBufferPool();
        int n = 1_000_000;

        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            RecordWriter<Long> writer = new RecordWriter<>(partition, new FixedChannel<>(), new LongSerializer(), -1);
            for (long i = 0; i < n; i++) {
                writer.emit(i, (int) (i & 1));
            }
            writer.finish();
            writer.close();
        });

        inputGate.requestPartitions();
        List<RecordDeserializer<Long>> deserializers = List.of(
                new SpanningRecordDeserializer<>(new LongSerializer()),
                new SpanningRecordDeserializer<>(new LongSerializer()));
        long[] expectedNext = {0, 1};
        int maxInFlight = 0;
        int endOfPartitions = 0;
        while (!inputGate.isFinished()) {
            BufferOrEvent next = inputGate.pollNext();
            if (next == null) {
                inputGate.getAvailableFuture().get(60, TimeUnit.SECONDS);
                continue;
            }
            int channel = next.getChannelIndex();
            if (next.isEvent()) {
                endOfPartitions++;
                continue;
            }
            maxInFlight = Math.max(maxInFlight, pool.getNumInFlight());
            Buffer buffer = next.getBuffer();
            RecordDeserializer<Long> deserializer = deserializers.get(channel);
            deserializer.setNextBuffer(buffer);
            DeserializationResult result;
            do {
                result = deserializer.getNextRecord();
                if (result.isFullRecord()) {
                    long value = deserializer.getRecord();
                    if (value != expectedNext[channel]) {
                        throw new AssertionError(
                                "channel " + channel + ": expected " + expectedNext[channel] + ", got " + value);
                    }
                    expectedNext[channel] += 2;
                }
            } while (!result.isBufferConsumed());
            buffer.recycleBuffer();
        }

        assertThat(producer.get(60, TimeUnit.SECONDS)).isNull();
        assertThat(expectedNext).containsExactly(n, n + 1);
        assertThat(endOfPartitions).isEqualTo(2);
        assertThat(maxInFlight).isBetween(1, pool.getMaxBuffers());
        assertThat(pool.getMaxBuffers()).isEqualTo(2 * 2 + 8);
        assertThat(env.getNetworkBufferPool().getBuffersInUse()).isZero();
    }

    @Test
    void recordsLargerThanABufferCrossAChannelIntact() throws Exception {
        NetworkEnvironment env = env(NetworkConfig.defaults());
        ResultPartitionID id = partitionId(2, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
        int count = 50;
        int size = 100_000; // ~3 buffers of 32 KiB each

        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            RecordWriter<byte[]> writer =
                    new RecordWriter<>(partition, new FixedChannel<>(), new BytesSerializer(), -1);
            for (int i = 0; i < count; i++) {
                writer.emit(record(size + i, i));
            }
            writer.finish();
        });
        inputGate.requestPartitions();
        List<Object> received =
                new GateReader<>(inputGate, new BytesSerializer()).readAll().get(0);

        assertThat(producer.get(60, TimeUnit.SECONDS)).isNull();
        assertThat(received).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            assertThat((byte[]) received.get(i)).as("record %s", i).isEqualTo(record(size + i, i));
        }
        assertThat(received.get(count)).isEqualTo("event:EndOfPartition");
    }

    private static byte[] record(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + seed);
        }
        return bytes;
    }

    @Test
    void whenConsumerReadsNothing_producerStopsAfterExactlyItsPoolSize_andResumesWhenOneIsRecycled() throws Exception {
        // 64-byte buffers; a 60-byte payload fills exactly one buffer. Pool max = 1 * 2 + 3 = 5.
        NetworkEnvironment env = env(new NetworkConfig(64, 100, 2, 3));
        ResultPartitionID id = partitionId(3, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
        inputGate.requestPartitions();
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, new FixedChannel<>(), new BytesSerializer(), -1);
        LocalBufferPool pool = partition.getBufferPool();

        int emitted = 0;
        while (writer.isAvailable()) {
            writer.emit(new byte[60]);
            emitted++;
            assertThat(emitted).isLessThanOrEqualTo(5);
        }
        assertThat(emitted).isEqualTo(5);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(5);
        assertThat(pool.getNumInFlight()).isEqualTo(5);
        CompletableFuture<?> available = writer.getAvailableFuture();
        assertThat(available).isNotDone();

        // An emit that ignores the signal waits for a buffer, on the producer thread.
        AtomicInteger sixthDone = new AtomicInteger();
        Thread[] producerThread = new Thread[1];
        CompletableFuture<Throwable> sixth = runAsync("producer", () -> {
            producerThread[0] = Thread.currentThread();
            writer.emit(new byte[60]);
            sixthDone.incrementAndGet();
        });
        Thread.sleep(200);
        assertThat(sixthDone).hasValue(0);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(5);

        // The consumer reads one buffer and recycles it: the future completes, the waiting emit proceeds.
        BufferOrEvent first = inputGate.pollNext();
        first.getBuffer().recycleBuffer();
        assertThat(available).isDone();
        assertThat(sixth.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(5);
        assertThat(pool.getNumInFlight()).isEqualTo(5);
        assertThat(writer.isAvailable()).isFalse();
    }

    @Test
    void interruptingAProducerThatWaitsForABufferThrowsInterruptedException() throws Exception {
        NetworkEnvironment env = env(new NetworkConfig(64, 100, 1, 0));
        ResultPartitionID id = partitionId(4, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, new FixedChannel<>(), new BytesSerializer(), -1);
        Thread[] producerThread = new Thread[1];
        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            producerThread[0] = Thread.currentThread();
            while (true) {
                writer.emit(new byte[60]);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producerThread[0] == null || producerThread[0].getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(1);

        producerThread[0].interrupt();

        assertThat(producer.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        writer.close();
        partition.release(new RuntimeException("canceled"));
        assertThat(env.getNetworkBufferPool().getBuffersInUse()).isZero();
    }

    @Test
    void consumerDeployedBeforeProducer_retriesUntilThePartitionIsRegistered() throws Exception {
        NetworkEnvironment env = env(NetworkConfig.defaults());
        ResultPartitionID id = partitionId(5, 0);
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
        inputGate.requestPartitions();
        Thread.sleep(150); // several retries happen meanwhile
        assertThat(inputGate.pollNext()).isNull();

        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new FixedChannel<>(), new LongSerializer(), -1);
        writer.emit(41L);
        writer.emit(42L);
        writer.finish();

        assertThat(new GateReader<>(inputGate, new LongSerializer()).readAll().get(0))
                .containsExactly(41L, 42L, "event:EndOfPartition");
    }

    @Test
    void partitionNeverRegistered_failsAfterTheTimeoutNamingPartitionAndTaskManager() throws Exception {
        NetworkEnvironment env = env(NetworkConfig.defaults().withPartitionRequestTimeoutMillis(300));
        ResultPartitionID id = partitionId(6, 3);
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer (1/1)");
        long start = System.nanoTime();
        inputGate.requestPartitions();

        inputGate.getAvailableFuture().get(10, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
        assertThatThrownBy(inputGate::pollNext)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Input channel 0 of gate 0 of task consumer (1/1) failed: Partition " + id
                        + " (producer subtask 3 of data set " + id.dataSetId() + ", attempt " + id.producerAttempt()
                        + ") was not registered on TaskManager tm-1 within 300 ms");
    }

    @Test
    void producerReleasedWithACause_consumerFailsNamingTheProducerPartition() throws Exception {
        NetworkEnvironment env = env(NetworkConfig.defaults());
        ResultPartitionID id = partitionId(7, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer (1/2)");
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
        inputGate.requestPartitions();
        RecordWriter<Long> writer = new RecordWriter<>(partition, new FixedChannel<>(), new LongSerializer(), 0);
        writer.emit(1L);

        writer.close();
        partition.release(new RuntimeException("boom"));

        assertThatThrownBy(inputGate::pollNext)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Producer partition " + id + " of task producer (1/2) was released before"
                        + " subpartition 0 was fully consumed: java.lang.RuntimeException: boom")
                .hasRootCauseMessage("boom");
        assertThat(env.getNetworkBufferPool().getBuffersInUse()).isZero();
    }

    @Test
    void consumerOnAnotherTaskManagerOfTheSameJvmReadsThroughADirectory() throws Exception {
        LocalPartitionDirectory directory = new LocalPartitionDirectory();
        NetworkEnvironment producerTm = env(NetworkConfig.defaults(), "tm-a", directory);
        NetworkEnvironment consumerTm = env(NetworkConfig.defaults(), "tm-b", directory);
        ResultPartitionID id = partitionId(8, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        SingleInputGate inputGate = consumerTm.createInputGate(gate(id, "tm-a", 0), "consumer");
        inputGate.requestPartitions();
        RecordWriter<Long> writer = new RecordWriter<>(partition, new FixedChannel<>(), new LongSerializer(), -1);
        writer.emit(7L);
        writer.finish();

        assertThat(new GateReader<>(inputGate, new LongSerializer()).readAll().get(0))
                .containsExactly(7L, "event:EndOfPartition");
        assertThat(producerTm.getNetworkBufferPool().getBuffersInUse()).isZero();
    }

    @Test
    void producerOutsideThisJvmWithoutADataPort_isRejectedNamingTheAddress() {
        NetworkEnvironment env = env(NetworkConfig.defaults());
        ResultPartitionID id = partitionId(9, 0);
        assertThatThrownBy(() -> env.createInputGate(gate(id, "tm-far", 0), "consumer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input channel 0 of input 0 of task consumer reads partition " + id
                        + " from TaskManager tm-far at 127.0.0.1:0, which is not in this JVM and has no data port:"
                        + " the deployment must carry the producer TaskManager's data address");
    }

    @Test
    void partitionNeedingMoreBuffersThanTheTaskManagerHas_failsWithInsufficientBuffers() {
        NetworkEnvironment env = env(new NetworkConfig(64, 4, 2, 8));
        ResultPartitionID id = partitionId(10, 0);
        assertThatThrownBy(() -> env.createResultPartition(partition(id, 4), "producer"))
                .isInstanceOf(InsufficientNetworkBuffersException.class)
                .hasMessageStartingWith("Insufficient network buffers: required 5 for partition " + id
                        + " of task producer, available 4 of 4; increase taskmanager.network.buffers");
    }

    @Test
    void closingTheGateEarlyReturnsTheProducersBuffers() throws Exception {
        NetworkEnvironment env = env(new NetworkConfig(64, 100, 2, 3));
        ResultPartitionID id = partitionId(11, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
        inputGate.requestPartitions();
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, new FixedChannel<>(), new BytesSerializer(), -1);
        for (int i = 0; i < 5; i++) {
            writer.emit(new byte[60]);
        }
        assertThat(writer.isAvailable()).isFalse();

        inputGate.close();

        assertThat(writer.isAvailable()).isTrue();
        assertThat(partition.getNumberOfQueuedBuffers(0)).isZero();
        writer.close();
    }
}
