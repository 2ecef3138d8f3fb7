package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobClient;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.CloseableIterator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Buffer timeout semantics across a network exchange: 0 sends every record at once, a positive
 * timeout sends a partly filled buffer after at most that long, -1 only full buffers and the rest
 * at the end of the input.
 */
class BufferTimeoutTest {
    /**
     * An idle source (records only when the test offers them) → rebalance → a tallying sink; a null
     * {@code bufferTimeout} keeps the environment's default.
     */
    private static JobClient startProbeJob(String name, Long bufferTimeout) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        if (bufferTimeout != null) {
            env.setBufferTimeout(bufferTimeout);
        } else {
            assertThat(env.getBufferTimeout()).isEqualTo(100);
        }
        TestSinks.reset(name);
        env.fromSource(ProbeSource.create(name), WatermarkStrategy.noWatermarks(), "Probe", Types.LONG)
                .rebalance()
                .sinkTo(TestSinks.tallying(name));
        return env.executeAsync(name);
    }

    /** Offers {@code value} and returns how long it took to reach the sink, failing after {@code limit}. */
    private static long latencyMillis(String name, long value, long expectedCount, Duration limit) {
        TestSinks.Tally tally = TestSinks.tally(name);
        long start = System.nanoTime();
        ProbeSource.channel(name).offer(value);
        Awaitility.await()
                .atMost(limit)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> tally.count.get() == expectedCount);
        return (tally.lastArrivalNanos - start) / 1_000_000;
    }

    private static void cancel(JobClient client) throws Exception {
        client.cancel().get(5, TimeUnit.SECONDS);
        try {
            client.getJobExecutionResult().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // cancelled
        }
    }

    @Test
    void whenBufferTimeoutIsZero_thenEachRecordCrossesTheNetworkAtOnce() throws Exception {
        JobClient client = startProbeJob("timeout-zero", 0L);
        try {
            for (int i = 1; i <= 5; i++) {
                assertThat(latencyMillis("timeout-zero", i, i, Duration.ofSeconds(10)))
                        .isLessThan(500);
            }
            assertThat(TestSinks.tally("timeout-zero").sum.get()).isEqualTo(15);
        } finally {
            cancel(client);
        }
    }

    @Test
    void whenBufferTimeoutIsTheDefault100Ms_thenALoneRecordInANearlyEmptyBufferArrivesWithinASecond() throws Exception {
        JobClient client = startProbeJob("timeout-default", null);
        try {
            assertThat(latencyMillis("timeout-default", 7, 1, Duration.ofSeconds(10)))
                    .isLessThan(1000);
            assertThat(latencyMillis("timeout-default", 8, 2, Duration.ofSeconds(10)))
                    .isLessThan(1000);
            assertThat(TestSinks.tally("timeout-default").sum.get()).isEqualTo(15);
        } finally {
            cancel(client);
        }
    }

    @Test
    void whenBufferTimeoutIsMinusOne_thenALoneRecordWaitsInItsBufferOfAnUnboundedJob() throws Exception {
        JobClient client = startProbeJob("timeout-never", -1L);
        try {
            ProbeSource.channel("timeout-never").offer(1);
            Thread.sleep(500);
            assertThat(TestSinks.tally("timeout-never").count.get()).isZero();
        } finally {
            cancel(client);
        }
    }

    @Test
    void whenBufferTimeoutIsMinusOne_thenABoundedJobStillDeliversEveryRecordAtTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setBufferTimeout(-1);
        TestSinks.Tally tally = TestSinks.reset("timeout-never-bounded");
        env.fromSequence(1, 10_001).rebalance().sinkTo(TestSinks.tallying("timeout-never-bounded"));

        env.execute("never flush");

        assertThat(tally.count.get()).isEqualTo(10_001);
        assertThat(tally.sum.get()).isEqualTo(10_001L * 10_002 / 2);
    }

    @Test
    void whenBufferTimeoutIsZero_thenARecordOfAnUnboundedJobReachesTheCollectIteratorPromptly() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setBufferTimeout(0);
        ProbeSource source = ProbeSource.create("collect-zero");
        try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Probe", Types.LONG)
                .rebalance()
                .executeAndCollect("collect promptly")) {
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(it::next);
            long start = System.nanoTime();
            ProbeSource.channel("collect-zero").offer(42);

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }
}
