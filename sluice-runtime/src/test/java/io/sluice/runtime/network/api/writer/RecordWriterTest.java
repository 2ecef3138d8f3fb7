package io.sluice.runtime.network.api.writer;

import static io.sluice.runtime.network.testutils.Descriptors.gate;
import static io.sluice.runtime.network.testutils.Descriptors.partition;
import static io.sluice.runtime.network.testutils.Descriptors.partitionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.NetworkConfig;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.network.api.CancelCheckpointMarker;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.network.testutils.BytesSerializer;
import io.sluice.runtime.network.testutils.GateReader;
import io.sluice.runtime.network.testutils.LongSerializer;
import io.sluice.runtime.partitioner.ChannelSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writer → local channel → gate → deserializer, driven from one thread. */
class RecordWriterTest {
    private static final String TM = "tm-1";
    private NetworkEnvironment env;

    private NetworkEnvironment env(int bufferSize) {
        env = new NetworkEnvironment(new NetworkConfig(bufferSize, 200, 2, 64), TM);
        return env;
    }

    @AfterEach
    void close() {
        if (env != null) {
            env.close();
        }
    }

    /** Sends every record to the channel given by the record modulo the number of channels. */
    static final class ModuloSelector implements ChannelSelector<Long> {
        private int channels;

        @Override
        public void setup(int numberOfChannels) {
            channels = numberOfChannels;
        }

        @Override
        public int selectChannel(Long record) {
            return (int) (record % channels);
        }

        @Override
        public boolean isBroadcast() {
            return false;
        }
    }

    @Test
    void bufferTimeoutZero_flushesEveryRecordIntoItsOwnBuffer() throws Exception {
        ResultPartition partition = env(64).createResultPartition(partition(partitionId(1, 0), 1), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new ModuloSelector(), new LongSerializer(), 0);
        writer.emit(1L);
        writer.emit(2L);
        writer.emit(3L);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(3);
    }

    @Test
    void bufferTimeoutMinusOne_keepsPartialBuffersUntilFlushAll() throws Exception {
        ResultPartition partition = env(64).createResultPartition(partition(partitionId(1, 0), 2), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new ModuloSelector(), new LongSerializer(), -1);
        writer.emit(1L);
        writer.emit(2L);
        writer.emit(3L);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isZero();
        assertThat(partition.getNumberOfQueuedBuffers(1)).isZero();

        writer.flushAll();

        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(1);
        assertThat(partition.getNumberOfQueuedBuffers(1)).isEqualTo(1);
        writer.flushAll(); // nothing new: no empty buffers handed over
        assertThat(partition.getNumberOfQueuedBuffers(1)).isEqualTo(1);
    }

    @Test
    void fullBufferLeavesWithoutFlush() throws Exception {
        // 64-byte buffers, 12 bytes per record: the 6th record fills 60 bytes and spills 8 into a second buffer.
        ResultPartition partition = env(64).createResultPartition(partition(partitionId(1, 0), 1), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new ModuloSelector(), new LongSerializer(), -1);
        for (long i = 0; i < 5; i++) {
            writer.emit(i);
        }
        assertThat(partition.getNumberOfQueuedBuffers(0)).isZero();
        writer.emit(5L);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(1);
    }

    @Test
    void eventsArriveInOrderAfterTheDataEmittedBeforeThem_andEndOfPartitionFinishesTheGate() throws Exception {
        env(64);
        ResultPartitionID id = partitionId(1, 0);
        ResultPartition partition = env.createResultPartition(partition(id, 2), "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new ModuloSelector(), new LongSerializer(), -1);
        SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0, 1), "consumer");
        inputGate.requestPartitions();

        writer.emit(0L);
        writer.emit(2L);
        writer.emit(1L);
        writer.broadcastEvent(new CancelCheckpointMarker(7));
        writer.emit(4L);
        writer.broadcastEmit(9L);
        writer.finish();
        writer.close();

        List<List<Object>> received = new GateReader<>(inputGate, new LongSerializer()).readAll();

        assertThat(received.get(0))
                .containsExactly(0L, 2L, "event:CancelCheckpointMarker(7)", 4L, 9L, "event:EndOfPartition");
        assertThat(received.get(1)).containsExactly(1L, "event:CancelCheckpointMarker(7)", 9L, "event:EndOfPartition");
        assertThat(inputGate.isFinished()).isTrue();
        assertThat(inputGate.pollNext()).isNull();
        assertThat(inputGate.getAvailableFuture()).isDone();
        // Fully consumed: the partition released itself and every buffer went back.
        assertThat(partition.isReleased()).isTrue();
        assertThat(env.getPartitionManager().getNumberOfRegisteredPartitions()).isZero();
        assertThat(env.getNetworkBufferPool().getBuffersInUse()).isZero();
    }

    @Test
    void recordsSpanningBufferBoundariesArriveIntact() throws Exception {
        int bufferSize = 16;
        // First record fills the buffer up to `left` free bytes (0..3 leave the next length prefix split).
        for (int left = 0; left <= 5; left++) {
            for (int payload : new int[] {0, 1, 5, 11, 12, 13, 16, 3 * bufferSize, 100}) {
                env(bufferSize);
                ResultPartitionID id = partitionId(left, payload);
                ResultPartition partition = env.createResultPartition(partition(id, 1), "producer");
                RecordWriter<byte[]> writer =
                        new RecordWriter<>(partition, new ModuloSelectorBytes(), new BytesSerializer(), -1);
                SingleInputGate inputGate = env.createInputGate(gate(id, TM, 0), "consumer");
                inputGate.requestPartitions();

                byte[] first = pattern(bufferSize - 4 - left, 1);
                byte[] second = pattern(payload, 2);
                byte[] third = pattern(3, 3);
                writer.emit(first);
                writer.emit(second);
                writer.emit(third);
                writer.finish();

                List<Object> received = new GateReader<>(inputGate, new BytesSerializer())
                        .readAll()
                        .get(0);
                String c = "left=" + left + " payload=" + payload;
                assertThat(received).as(c).hasSize(4);
                assertThat((byte[]) received.get(0)).as(c).isEqualTo(first);
                assertThat((byte[]) received.get(1)).as(c).isEqualTo(second);
                assertThat((byte[]) received.get(2)).as(c).isEqualTo(third);
                assertThat(received.get(3)).isEqualTo("event:EndOfPartition");
                env.close();
                env = null;
            }
        }
    }

    @Test
    void recordExactlyFillingABufferIsHandedOverAtOnce() throws Exception {
        ResultPartition partition = env(16).createResultPartition(partition(partitionId(1, 0), 1), "producer");
        RecordWriter<byte[]> writer =
                new RecordWriter<>(partition, new ModuloSelectorBytes(), new BytesSerializer(), -1);
        writer.emit(pattern(12, 0));
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(1);
        writer.emit(pattern(3 * 16 - 4, 0)); // exactly three buffers
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(4);
    }

    static final class ModuloSelectorBytes implements ChannelSelector<byte[]> {
        @Override
        public void setup(int numberOfChannels) {}

        @Override
        public int selectChannel(byte[] record) {
            return 0;
        }

        @Override
        public boolean isBroadcast() {
            return false;
        }
    }

    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    static List<String> hex(List<byte[]> records) {
        List<String> out = new ArrayList<>();
        for (byte[] r : records) {
            out.add(Arrays.toString(r));
        }
        return out;
    }
}
