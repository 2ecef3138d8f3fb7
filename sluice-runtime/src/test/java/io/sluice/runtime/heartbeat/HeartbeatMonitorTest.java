package io.sluice.runtime.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.rpc.MainThreadExecutor;
import io.sluice.runtime.rpc.RpcConnectionException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {
    private static final HeartbeatSettings SETTINGS =
            new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(500));

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> lost = new ArrayList<>();
    private final HeartbeatMonitor monitor = new HeartbeatMonitor(
            "test",
            SETTINGS,
            Runnable::run,
            (action, delay) -> null,
            nanos::get,
            (id, loss) -> lost.add(id + ": " + loss.describe("TaskManager " + id)));

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** A gateway whose answers the test completes (or not). */
    private static final class FakeTarget implements HeartbeatMonitor.HeartbeatTarget {
        final List<CompletableFuture<String>> requests = new ArrayList<>();

        @Override
        public CompletableFuture<String> requestHeartbeat() {
            CompletableFuture<String> f = new CompletableFuture<>();
            requests.add(f);
            return f;
        }

        CompletableFuture<String> last() {
            return requests.get(requests.size() - 1);
        }
    }

    @Test
    void whenTargetAnswersEveryRequest_thenItIsNeverLost() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);

        for (int i = 0; i < 20; i++) {
            monitor.tick();
            target.last().complete("ok");
            advanceMillis(100);
        }

        assertThat(target.requests).hasSize(20);
        assertThat(lost).isEmpty();
        assertThat(monitor.isMonitoring("tm-1")).isTrue();
    }

    @Test
    void whenTargetNeverAnswers_thenItIsLostAtTheFirstTickAfterTheTimeout_withOneOutstandingRequest() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);

        for (int i = 0; i < 5; i++) {
            monitor.tick();
            advanceMillis(100);
        }
        monitor.tick(); // 500 ms silent: not more than the timeout yet
        assertThat(lost).isEmpty();
        advanceMillis(1);
        monitor.tick();

        assertThat(lost).containsExactly("tm-1: heartbeat of TaskManager tm-1 timed out after 500 ms");
        assertThat(target.requests).hasSize(1);
        assertThat(monitor.isMonitoring("tm-1")).isFalse();
        monitor.tick();
        assertThat(lost).hasSize(1);
    }

    @Test
    void whenSlowTargetAnswersWithinTheTimeout_thenItIsNotLost() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);

        for (int round = 0; round < 5; round++) {
            monitor.tick();
            advanceMillis(100);
            monitor.tick(); // request still outstanding: none sent
            advanceMillis(300);
            target.last().complete("late"); // 400 ms after the request
        }

        assertThat(target.requests).hasSize(5);
        assertThat(lost).isEmpty();
    }

    @Test
    void whenRequestFailsWithRpcConnectionException_thenTargetIsLostAtOnce() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);

        monitor.tick();
        target.last()
                .completeExceptionally(new CompletionException(new RpcConnectionException(
                        "connection refused: 127.0.0.1:40001", new ConnectException("Connection refused"))));

        assertThat(lost).containsExactly("tm-1: TaskManager tm-1 is unreachable (connection refused: 127.0.0.1:40001)");
        assertThat(monitor.isMonitoring("tm-1")).isFalse();
    }

    @Test
    void whenRequestFailsWithAnotherError_thenItCountsAsSilence() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);

        monitor.tick();
        target.last().completeExceptionally(new IllegalStateException("busy"));
        assertThat(lost).isEmpty();
        for (int i = 0; i < 5; i++) {
            advanceMillis(100);
            monitor.tick();
            target.last().completeExceptionally(new IllegalStateException("busy"));
        }
        advanceMillis(100);
        monitor.tick();

        assertThat(target.requests).hasSize(6);
        assertThat(lost).containsExactly("tm-1: heartbeat of TaskManager tm-1 timed out after 500 ms");
    }

    @Test
    void whenPassiveTargetSendsHeartbeats_thenItStays_andWhenItStops_thenItIsLost() {
        monitor.monitorTarget("job-1", null);

        for (int i = 0; i < 10; i++) {
            advanceMillis(200);
            monitor.receiveHeartbeat("job-1");
            monitor.tick();
        }
        assertThat(lost).isEmpty();
        advanceMillis(400);
        monitor.tick();
        assertThat(lost).isEmpty();
        advanceMillis(200);
        monitor.tick();

        assertThat(lost).containsExactly("job-1: heartbeat of TaskManager job-1 timed out after 500 ms");
    }

    @Test
    void whenTargetIsMonitoredAgainAfterLoss_thenAnswersToTheOldRequestsAreIgnored() {
        FakeTarget old = new FakeTarget();
        monitor.monitorTarget("tm-1", old);
        monitor.tick();
        advanceMillis(501);
        monitor.tick();
        assertThat(lost).hasSize(1);

        FakeTarget renewed = new FakeTarget();
        monitor.monitorTarget("tm-1", renewed);
        old.last().completeExceptionally(new RpcConnectionException("gone", null));
        monitor.tick();

        assertThat(lost).hasSize(1);
        assertThat(renewed.requests).hasSize(1);
        assertThat(monitor.isMonitoring("tm-1")).isTrue();
    }

    @Test
    void whenUnmonitored_thenNeverReportedLost() {
        FakeTarget target = new FakeTarget();
        monitor.monitorTarget("tm-1", target);
        monitor.tick();
        monitor.unmonitorTarget("tm-1");
        advanceMillis(10_000);
        monitor.tick();
        target.last().completeExceptionally(new RpcConnectionException("gone", null));

        assertThat(lost).isEmpty();
    }

    @Test
    void whenRunningOnARealMainThread_thenAHungPeerIsLostAfterTheTimeoutAndALivePeerIsNot() throws Exception {
        MainThreadExecutor mainThread = new MainThreadExecutor("heartbeat-test-main");
        List<String> lostIds = new CopyOnWriteArrayList<>();
        AtomicInteger liveRequests = new AtomicInteger();
        HeartbeatMonitor real = new HeartbeatMonitor(
                "test",
                new HeartbeatSettings(Duration.ofMillis(20), Duration.ofMillis(600)),
                mainThread,
                mainThread::schedule,
                System::nanoTime,
                (id, loss) -> lostIds.add(id));
        try {
            long start = System.nanoTime();
            mainThread
                    .call(() -> {
                        real.monitorTarget("live", () -> {
                            liveRequests.incrementAndGet();
                            return CompletableFuture.supplyAsync(() -> "ok");
                        });
                        real.monitorTarget("hung", CompletableFuture::new);
                        real.start();
                        return null;
                    })
                    .get(5, TimeUnit.SECONDS);

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lostIds.contains("hung"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(200);

            assertThat(tookMillis).isBetween(600L, 4_000L);
            assertThat(lostIds).containsExactly("hung");
            assertThat(liveRequests.get()).isGreaterThan(5);
        } finally {
            mainThread.call(() -> {
                real.stop();
                return null;
            });
            mainThread.shutdown();
        }
    }
}
