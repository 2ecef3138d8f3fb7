package io.sluice.runtime.network.netty;

import static io.sluice.runtime.network.testutils.Descriptors.partition;
import static io.sluice.runtime.network.testutils.Descriptors.partitionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.LocalPartitionDirectory;
import io.sluice.runtime.network.NetworkConfig;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.network.testutils.BytesSerializer;
import io.sluice.runtime.network.testutils.GateReader;
import io.sluice.runtime.network.testutils.LongSerializer;
import io.sluice.runtime.partitioner.ChannelSelector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two TaskManagers' network environments in one JVM, each with its own data server and its own
 * partition directory, so every channel between them is a remote channel over TCP on 127.0.0.1.
 */
class RemoteChannelExchangeTest {
    private final List<NetworkEnvironment> envs = new ArrayList<>();

    private NetworkEnvironment env(String tm, NetworkConfig config) {
        NetworkEnvironment env = new NetworkEnvironment(config, tm, new LocalPartitionDirectory());
        envs.add(env);
        return env;
    }

    @AfterEach
    void closeAll() {
        envs.forEach(NetworkEnvironment::close);
    }

    private static ProducerLocation location(NetworkEnvironment producer) {
        return new ProducerLocation(
                producer.getTaskManagerId(),
                producer.getDataAddress().getHostString(),
                producer.getDataAddress().getPort());
    }

    /** A gate reading {@code subpartitions} of {@code id}, produced on {@code producer}. */
    private static InputGateDeploymentDescriptor remoteGate(
            ResultPartitionID id, NetworkEnvironment producer, int... subpartitions) {
        List<InputChannelDescriptor> channels = new ArrayList<>();
        for (int subpartition : subpartitions) {
            channels.add(new InputChannelDescriptor(id, subpartition, location(producer)));
        }
        return new InputGateDeploymentDescriptor(id.dataSetId(), 0, channels);
    }

    static final class NoSelector<T> implements ChannelSelector<T> {
        @Override
        public void setup(int numberOfChannels) {}

        @Override
        public int selectChannel(T record) {
            throw new UnsupportedOperationException("records are emitted to explicit subpartitions");
        }

        @Override
        public boolean isBroadcast() {
            return false;
        }
    }

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
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static byte[] record(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + seed);
        }
        return bytes;
    }

    @Test
    void millionLongsCrossARemoteChannelInExactOrder_andEveryBufferComesBack() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID id = partitionId(1, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        assertThat(gate.getChannel(0)).isInstanceOf(RemoteInputChannel.class);
        int n = 1_000_000;

        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            RecordWriter<Long> writer = new RecordWriter<>(partition, new NoSelector<>(), new LongSerializer(), -1);
            for (long i = 0; i < n; i++) {
                writer.emit(i, 0);
            }
            writer.finish();
        });
        gate.requestPartitions();
        long[] next = {0};
        GateReader<Long> reader = new GateReader<>(gate, new LongSerializer()).countOnly();
        reader.readUntilFinished(value -> {
            if (value != next[0]) {
                throw new AssertionError("expected " + next[0] + ", got " + value);
            }
            next[0]++;
        });

        assertThat(producer.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(next[0]).isEqualTo(n);
        assertThat(reader.getPerChannel().get(0)).containsExactly("event:EndOfPartition");
        gate.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(producerTm.getNetworkBufferPool().getBuffersInUse()).isZero();
            assertThat(consumerTm.getNetworkBufferPool().getBuffersInUse()).isZero();
            assertThat(producerTm.getPartitionManager().getNumberOfRegisteredPartitions())
                    .isZero();
        });
    }

    @Test
    void allChannelsToOneProducerTaskManagerShareOneConnection() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID first = partitionId(2, 0);
        ResultPartitionID second = partitionId(3, 0);
        ResultPartition firstPartition = producerTm.createResultPartition(partition(first, 4), "producer-1");
        ResultPartition secondPartition = producerTm.createResultPartition(partition(second, 2), "producer-2");
        SingleInputGate firstGate = consumerTm.createInputGate(remoteGate(first, producerTm, 0, 1, 2, 3), "c1");
        SingleInputGate secondGate = consumerTm.createInputGate(remoteGate(second, producerTm, 0, 1), "c2");

        CompletableFuture<Throwable> producers = runAsync("producers", () -> {
            RecordWriter<Long> w1 = new RecordWriter<>(firstPartition, new NoSelector<>(), new LongSerializer(), -1);
            RecordWriter<Long> w2 = new RecordWriter<>(secondPartition, new NoSelector<>(), new LongSerializer(), -1);
            for (long i = 0; i < 20_000; i++) {
                w1.emit(i, (int) (i % 4));
                w2.emit(-i, (int) (i % 2));
            }
            w1.finish();
            w2.finish();
        });
        firstGate.requestPartitions();
        secondGate.requestPartitions();
        CompletableFuture<List<List<Object>>> secondRead = new CompletableFuture<>();
        runAsync("reader-2", () -> secondRead.complete(new GateReader<>(secondGate, new LongSerializer()).readAll()));
        List<List<Object>> firstResult = new GateReader<>(firstGate, new LongSerializer()).readAll();
        List<List<Object>> secondResult = secondRead.get(30, TimeUnit.SECONDS);

        assertThat(producers.get(30, TimeUnit.SECONDS)).isNull();
        for (int channel = 0; channel < 4; channel++) {
            List<Object> expected = new ArrayList<>();
            for (long i = channel; i < 20_000; i += 4) {
                expected.add(i);
            }
            expected.add("event:EndOfPartition");
            assertThat(firstResult.get(channel))
                    .as("gate 1 channel %s", channel)
                    .isEqualTo(expected);
        }
        for (int channel = 0; channel < 2; channel++) {
            List<Object> expected = new ArrayList<>();
            for (long i = channel; i < 20_000; i += 2) {
                expected.add(-i);
            }
            expected.add("event:EndOfPartition");
            assertThat(secondResult.get(channel))
                    .as("gate 2 channel %s", channel)
                    .isEqualTo(expected);
        }
        assertThat(consumerTm.getConnectionManager().getNumberOfConnections()).isEqualTo(1);
        assertThat(producerTm.getNettyServer().getNumberOfAcceptedConnections()).isEqualTo(1);
    }

    @Test
    void slowConsumer_producerBlocksWithinItsPool_andAllDataArrivesExactly() throws Exception {
        // 64-byte buffers; a 60-byte record plus its 4-byte length fills exactly one buffer.
        // Producer pool max = 1 * 2 + 3 = 5; consumer gate: 2 exclusive + 3 floating segments.
        NetworkConfig config = new NetworkConfig(64, 100, 2, 3);
        NetworkEnvironment producerTm = env("tm-a", config);
        NetworkEnvironment consumerTm = env("tm-b", config);
        ResultPartitionID id = partitionId(4, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        LocalBufferPool pool = partition.getBufferPool();
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        int count = 300;
        AtomicInteger emitted = new AtomicInteger();
        Thread[] producerThread = new Thread[1];
        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            producerThread[0] = Thread.currentThread();
            RecordWriter<byte[]> writer = new RecordWriter<>(partition, new NoSelector<>(), new BytesSerializer(), -1);
            for (int i = 0; i < count; i++) {
                writer.emit(record(60, i), 0);
                emitted.incrementAndGet();
            }
            writer.finish();
        });
        gate.requestPartitions();

        // Nobody reads: the consumer's 5 segments fill, then the producer's 5, then it waits.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> producerThread[0] != null
                        && producerThread[0].getState() == Thread.State.WAITING
                        && pool.getNumInFlight() == pool.getMaxBuffers());
        int emittedWhileBlocked = emitted.get();
        Thread.sleep(200);
        assertThat(emitted.get()).isEqualTo(emittedWhileBlocked);
        assertThat(pool.getMaxBuffers()).isEqualTo(5);
        assertThat(emittedWhileBlocked).isEqualTo(10);

        GateReader<byte[]> reader = new GateReader<>(gate, new BytesSerializer());
        int[] maxInFlight = {0};
        reader.readUntilFinished(r -> {
            maxInFlight[0] = Math.max(maxInFlight[0], pool.getNumInFlight());
            if (r[0] % 50 == 0) {
                sleepQuietly(2);
            }
        });

        assertThat(producer.get(30, TimeUnit.SECONDS)).isNull();
        List<Object> received = reader.getPerChannel().get(0);
        assertThat(received).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            assertThat((byte[]) received.get(i)).as("record %s", i).isEqualTo(record(60, i));
        }
        assertThat(received.get(count)).isEqualTo("event:EndOfPartition");
        assertThat(maxInFlight[0]).isBetween(0, 5);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void consumerRequestsBeforeTheProducerRegisters_retriesUntilItIsThere() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID id = partitionId(5, 0);
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        gate.requestPartitions();
        Thread.sleep(150);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new NoSelector<>(), new LongSerializer(), -1);
        writer.emit(42L, 0);
        writer.emit(43L, 0);
        writer.finish();

        assertThat(new GateReader<>(gate, new LongSerializer()).readAll().get(0))
                .containsExactly(42L, 43L, "event:EndOfPartition");
    }

    @Test
    void partitionNeverRegistered_failsAfterTheTimeoutNamingPartitionAndTaskManager() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults().withPartitionRequestTimeoutMillis(300));
        ResultPartitionID id = partitionId(6, 3);
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer (1/1)");
        gate.requestPartitions();
        GateReader<Long> reader = new GateReader<>(gate, new LongSerializer());

        assertThatThrownBy(reader::readAll)
                .isInstanceOf(IOException.class)
                .hasMessage("Input channel 0 of gate 0 of task consumer (1/1) failed: Partition " + id
                        + " (producer subtask 3 of data set " + id.dataSetId() + ", attempt " + id.producerAttempt()
                        + ") was not registered on TaskManager tm-a at " + address(producerTm)
                        + " within 300 ms; input channel 0 of task consumer (1/1) gives up. The producer did not"
                        + " start, failed, or already finished and was released: check its log, or raise"
                        + " NetworkConfig.partitionRequestTimeoutMillis");
    }

    private static String address(NetworkEnvironment env) {
        return "127.0.0.1:" + env.getDataAddress().getPort();
    }

    @Test
    void producerFailure_reachesTheRemoteConsumerWithItsCause() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID id = partitionId(7, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer (1/2)");
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        gate.requestPartitions();
        RecordWriter<Long> writer = new RecordWriter<>(partition, new NoSelector<>(), new LongSerializer(), -1);
        writer.emit(1L, 0);
        writer.flushAll();
        GateReader<Long> reader = new GateReader<>(gate, new LongSerializer());
        List<Long> seen = new ArrayList<>();
        while (seen.isEmpty()) {
            var next = gate.pollNext();
            if (next == null) {
                gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
            } else {
                reader.handle(next, seen::add);
            }
        }
        partition.release(new RuntimeException("boom"));

        assertThat(seen).containsExactly(1L);
        assertThatThrownBy(reader::readAll)
                .isInstanceOf(IOException.class)
                .hasMessage("Input channel 0 of gate 0 of task consumer failed: Producer of partition " + id
                        + " on TaskManager tm-a at " + address(producerTm)
                        + " failed; input channel 0 of task consumer cannot continue: Producer partition " + id
                        + " of task producer (1/2) was released before subpartition 0 was fully consumed:"
                        + " java.lang.RuntimeException: boom; the producer failed or was canceled, see its error;"
                        + " caused by java.lang.RuntimeException: boom");
    }

    @Test
    void producerTaskManagerGoesAway_consumerFailsNamingItsAddress() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID id = partitionId(8, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        gate.requestPartitions();
        RecordWriter<Long> writer = new RecordWriter<>(partition, new NoSelector<>(), new LongSerializer(), -1);
        writer.emit(1L, 0);
        writer.flushAll();
        String producerAddress = address(producerTm);
        GateReader<Long> reader = new GateReader<>(gate, new LongSerializer(), 3);
        List<Long> seen = new ArrayList<>();
        while (seen.isEmpty()) {
            var next = gate.pollNext();
            if (next == null) {
                gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
            } else {
                reader.handle(next, seen::add);
            }
        }

        producerTm.close();

        assertThat(seen).containsExactly(1L);
        assertThatThrownBy(reader::readAll)
                .isInstanceOf(IOException.class)
                // A clean close (FIN) or a reset (RST, when our credit was still unread): both name the peer.
                .hasMessageStartingWith("Input channel 0 of gate 0 of task consumer failed: Connection to producer"
                        + " TaskManager tm-a at " + producerAddress + " lost (connection ")
                .hasMessageEndingWith(") while input channel 0 of task consumer read partition " + id
                        + ". The TaskManager probably died or was shut down: check its log");
    }

    @Test
    void recordsLargerThanABufferCrossARemoteChannelIntact() throws Exception {
        NetworkEnvironment producerTm = env("tm-a", NetworkConfig.defaults());
        NetworkEnvironment consumerTm = env("tm-b", NetworkConfig.defaults());
        ResultPartitionID id = partitionId(9, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        int count = 40;
        int size = 100_000; // ~3 buffers of 32 KiB each
        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            RecordWriter<byte[]> writer = new RecordWriter<>(partition, new NoSelector<>(), new BytesSerializer(), -1);
            for (int i = 0; i < count; i++) {
                writer.emit(record(size + i, i), 0);
            }
            writer.finish();
        });
        gate.requestPartitions();
        List<Object> received =
                new GateReader<>(gate, new BytesSerializer()).readAll().get(0);

        assertThat(producer.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(received).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            assertThat((byte[]) received.get(i)).as("record %s", i).isEqualTo(record(size + i, i));
        }
        assertThat(received.get(count)).isEqualTo("event:EndOfPartition");
    }

    @Test
    void consumerClosesItsGateEarly_producerSubpartitionIsReleasedAndAllBuffersReturn() throws Exception {
        NetworkConfig config = new NetworkConfig(64, 100, 2, 3);
        NetworkEnvironment producerTm = env("tm-a", config);
        NetworkEnvironment consumerTm = env("tm-b", config);
        ResultPartitionID id = partitionId(10, 0);
        ResultPartition partition = producerTm.createResultPartition(partition(id, 1), "producer");
        SingleInputGate gate = consumerTm.createInputGate(remoteGate(id, producerTm, 0), "consumer");
        CompletableFuture<Throwable> producer = runAsync("producer", () -> {
            RecordWriter<byte[]> writer = new RecordWriter<>(partition, new NoSelector<>(), new BytesSerializer(), -1);
            // Far more than the pools hold: between the subpartition's release (which recycles its
            // buffers, so a waiting emit goes on) and the pool's destruction, the producer must not
            // be able to write them all, even when the event loop is descheduled in between.
            for (int i = 0; i < 10_000_000; i++) {
                writer.emit(record(60, i), 0);
            }
            writer.finish();
        });
        gate.requestPartitions();
        GateReader<byte[]> reader = new GateReader<>(gate, new BytesSerializer());
        int read = 0;
        while (read < 3) {
            var next = gate.pollNext();
            if (next == null) {
                gate.getAvailableFuture().get(10, TimeUnit.SECONDS);
            } else {
                reader.handle(next, r -> {});
                read++;
            }
        }
        gate.close();

        // The producer's waiting emit fails once its released pool is destroyed.
        assertThat(producer.get(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was released (task canceled or failed)");
        assertThat(reader.getPerChannel().get(0)).hasSize(3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(partition.isReleased()).isTrue();
            assertThat(producerTm.getNetworkBufferPool().getBuffersInUse()).isZero();
            assertThat(consumerTm.getNetworkBufferPool().getBuffersInUse()).isZero();
        });
    }

    @Test
    void dataServerBindsToTheConfiguredDataPort() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Configuration config = new Configuration().set(TaskManagerOptions.DATA_PORT, port);
        NetworkEnvironment env = env("tm-a", TaskManagerOptions.networkConfig(config));

        assertThat(env.getDataAddress().getHostString()).isEqualTo("127.0.0.1");
        assertThat(env.getDataAddress().getPort()).isEqualTo(port);
    }
}
