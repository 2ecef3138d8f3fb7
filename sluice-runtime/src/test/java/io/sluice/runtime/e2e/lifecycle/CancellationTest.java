package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Cancelling a running job stops all its tasks promptly, also those stuck in user code. */
class CancellationTest {
    private static final AtomicLong COUNTED = new AtomicLong();
    private static final AtomicInteger BLOCKED = new AtomicInteger();
    private static final AtomicInteger INTERRUPTED = new AtomicInteger();

    static final class Counting implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            COUNTED.incrementAndGet();
            return value;
        }
    }

    /** Blocks forever on the first record, as user code waiting for something that never comes. */
    static final class BlockForever implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            BLOCKED.incrementAndGet();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                INTERRUPTED.incrementAndGet();
                throw e;
            }
            return value;
        }
    }

    /**
     * Names of live threads that contain {@code marker}: task threads ("name (i/n) #attempt") and
     * the source's coordinator thread carry the task name.
     */
    static List<String> threadsNamed(String marker) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.contains(marker))
                .sorted()
                .collect(Collectors.toList());
    }

    private static void assertCancelledWithin(JobClient client, Duration limit) throws Exception {
        long start = System.nanoTime();
        client.cancel().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        ExecutionException e = catchThrowableOfType(
                () -> client.getJobExecutionResult().get(limit.toMillis(), TimeUnit.MILLISECONDS),
                ExecutionException.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.getCause()).isInstanceOf(JobExecutionException.class);
        JobExecutionException je = (JobExecutionException) e.getCause();
        assertThat(je.getFinalStatus()).isEqualTo(JobStatus.CANCELED);
        assertThat(je.getMessage()).isEqualTo("Job '" + jobNameOf(je) + "' (" + je.getJobID() + ") was cancelled.");
        assertThat(je.getCause()).isNull();
        assertThat(tookMillis).isLessThan(limit.toMillis());
    }

    private static String jobNameOf(JobExecutionException e) {
        String m = e.getMessage();
        return m.substring("Job '".length(), m.indexOf("' ("));
    }

    @Test
    void whenUnboundedJobIsCancelled_thenResultIsCanceledWithinSecondsAndNoTaskThreadRemains() throws Exception {
        COUNTED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(new Counting())
                .name("cancel-me-counting")
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("endless");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> COUNTED.get() > 10_000);
        assertThat(threadsNamed("cancel-me-counting").stream().filter(n -> n.endsWith(" #0")))
                .containsExactly(
                        "Source: Sequence Source -> cancel-me-counting -> Sink: DiscardingSink (1/2) #0",
                        "Source: Sequence Source -> cancel-me-counting -> Sink: DiscardingSink (2/2) #0");

        assertCancelledWithin(client, Duration.ofSeconds(5));
        assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);

        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> threadsNamed("cancel-me-counting")
                .isEmpty());
        long after = COUNTED.get();
        Thread.sleep(100);
        assertThat(COUNTED.get()).isEqualTo(after);
    }

    @Test
    void whenTaskIsBlockedInUserCode_thenCancelInterruptsItPromptly() throws Exception {
        BLOCKED.set(0);
        INTERRUPTED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(new BlockForever())
                .name("stuck-in-user-code")
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("stuck");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> BLOCKED.get() == 2);

        assertCancelledWithin(client, Duration.ofSeconds(3));

        assertThat(INTERRUPTED.get()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> threadsNamed("stuck-in-user-code")
                .isEmpty());
    }

    @Test
    void whenTaskSleepsInUserCode_thenCancelInterruptsTheSleep() throws Exception {
        BLOCKED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(v -> {
                    BLOCKED.incrementAndGet();
                    Thread.sleep(Long.MAX_VALUE);
                    return v;
                })
                .name("sleeping-in-user-code")
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("sleepy");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> BLOCKED.get() == 1);

        assertCancelledWithin(client, Duration.ofSeconds(3));

        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> threadsNamed("sleeping-in-user-code")
                .isEmpty());
    }
}
