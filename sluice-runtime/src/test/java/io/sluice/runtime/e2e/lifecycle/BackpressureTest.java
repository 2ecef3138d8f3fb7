package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobClient;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.configuration.MemorySize;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.network.NetworkConfig;
import io.sluice.runtime.network.buffer.NetworkBufferPool;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A slow consumer makes its producers wait: the job still ends with exact output, and the data in
 * flight is bounded by the producers' buffer pools, not queued without limit.
 */
class BackpressureTest {
    /** Smallest serialized record of a Long: one tag byte and eight value bytes. */
    private static final int MIN_RECORD_BYTES = 9;

    private static final AtomicLong EMITTED = new AtomicLong();

    static final class CountEmitted implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            EMITTED.incrementAndGet();
            return value;
        }
    }

    private static MiniCluster startCluster(String segmentSize, int slots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse(segmentSize));
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setConfiguration(conf)
                .build());
        cluster.start();
        return cluster;
    }

    private static long sumOfSquares(long n) {
        return BigInteger.valueOf(n)
                .multiply(BigInteger.valueOf(n + 1))
                .multiply(BigInteger.valueOf(2 * n + 1))
                .divide(BigInteger.valueOf(6))
                .longValueExact();
    }

    @Test
    void whenSinkIsSlow_thenJobEndsWithExactOutputAndBuffersInUseNeverExceedTheProducersPools() throws Exception {
        long n = 300_000;
        TestSinks.Tally tally = TestSinks.reset("slow");
        try (MiniCluster cluster = startCluster("4kb", 2)) {
            NetworkBufferPool pool =
                    cluster.getTaskExecutors().get(0).getNetworkEnvironment().getNetworkBufferPool();
            NetworkConfig network =
                    cluster.getTaskExecutors().get(0).getNetworkEnvironment().getConfig();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.fromSequence(1, n).rebalance().sinkTo(TestSinks.slow("slow", 500, 1));
            // Two producer subtasks, each with one partition of two subpartitions; the consumers read
            // the producers' buffers (local channels) and own none.
            int bound = 2 * network.maxBuffersPerPartition(2);

            JobClient client =
                    cluster.submitJob(ClusterJobs.jobGraph(env, "slow sink")).get(10, TimeUnit.SECONDS);
            CompletableFuture<?> result = client.getJobExecutionResult();
            int maxInUse = 0;
            while (!result.isDone()) {
                maxInUse = Math.max(maxInUse, pool.getBuffersInUse());
                Thread.sleep(2);
            }
            result.get();

            assertThat(tally.count.get()).isEqualTo(n);
            assertThat(tally.sum.get()).isEqualTo(n * (n + 1) / 2);
            assertThat(tally.sumOfSquares.get()).isEqualTo(sumOfSquares(n));
            // The producers outran the sink until their pools ran full, and never held more.
            assertThat(maxInUse).isEqualTo(bound);
            assertThat(bound).isLessThan(pool.getTotalBuffers() / 10);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pool.getBuffersInUse() == 0);
        }
    }

    @Test
    void whenSinkIsBlocked_thenSourceStopsAfterWhatItsBuffersHoldAndResumesToExactOutputWhenReleased()
            throws Exception {
        long n = 200_000;
        EMITTED.set(0);
        TestSinks.Tally tally = TestSinks.reset("blocked");
        CountDownLatch gate = TestSinks.closedGate("blocked");
        try (MiniCluster cluster = startCluster("1kb", 1)) {
            NetworkConfig network =
                    cluster.getTaskExecutors().get(0).getNetworkEnvironment().getConfig();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, n).map(new CountEmitted()).rebalance().sinkTo(TestSinks.gated("blocked", "blocked"));
            // The producer's pool (one subpartition) plus one buffer the consumer may be reading from.
            long bound = (long) (network.maxBuffersPerPartition(1) + 1) * network.bufferSize() / MIN_RECORD_BYTES;

            JobClient client =
                    cluster.submitJob(ClusterJobs.jobGraph(env, "blocked sink")).get(10, TimeUnit.SECONDS);
            long[] last = {-1};
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        long now = EMITTED.get();
                        boolean stable = now > 0 && now == last[0];
                        last[0] = now;
                        return stable;
                    });
            long emittedWhileBlocked = EMITTED.get();
            assertThat(tally.count.get()).isZero();
            assertThat(emittedWhileBlocked).isBetween(1L, bound);

            gate.countDown();
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);

            assertThat(EMITTED.get()).isEqualTo(n);
            assertThat(tally.count.get()).isEqualTo(n);
            assertThat(tally.sum.get()).isEqualTo(n * (n + 1) / 2);
            assertThat(tally.sumOfSquares.get()).isEqualTo(sumOfSquares(n));
        }
    }
}
