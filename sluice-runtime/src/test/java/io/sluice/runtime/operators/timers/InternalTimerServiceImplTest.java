package io.sluice.runtime.operators.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InternalTimerServiceImplTest {
    private final List<String> fired = new ArrayList<>();
    private final ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
    private Object currentKey;
    private InternalTimerServiceImpl<String, String> service;

    private final KeyContext keyContext = new KeyContext() {
        @Override
        public Object getCurrentKey() {
            return currentKey;
        }

        @Override
        public void setCurrentKey(Object key) {
            currentKey = key;
        }
    };

    @BeforeEach
    void setUp() {
        service = new InternalTimerServiceImpl<>("test", keyContext, clock, new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<String, String> timer) {
                assertThat(currentKey).isEqualTo(timer.getKey());
                fired.add("event " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp());
            }

            @Override
            public void onProcessingTime(InternalTimer<String, String> timer) {
                assertThat(currentKey).isEqualTo(timer.getKey());
                fired.add("proc " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp() + " now="
                        + clock.getCurrentProcessingTime());
            }
        });
    }

    private void eventTimer(String key, String ns, long time) {
        currentKey = key;
        service.registerEventTimeTimer(ns, time);
    }

    @Test
    void eventTimersFireInTimestampOrderOncePerKeyNamespaceAndTimestamp() throws Exception {
        eventTimer("b", "n", 30);
        eventTimer("a", "n", 10);
        eventTimer("a", "n", 10); // duplicate
        eventTimer("a", "m", 10); // other namespace: a timer of its own
        eventTimer("c", "n", 20);
        eventTimer("b", "n", 30); // duplicate
        eventTimer("a", "n", 40);
        assertThat(service.numEventTimeTimers()).isEqualTo(5);

        service.advanceWatermark(9);
        assertThat(fired).isEmpty();
        service.advanceWatermark(30);
        assertThat(fired).containsExactly("event a/n@10", "event a/m@10", "event c/n@20", "event b/n@30");
        assertThat(service.currentWatermark()).isEqualTo(30);
        service.advanceWatermark(Long.MAX_VALUE);
        assertThat(fired).hasSize(5).last().isEqualTo("event a/n@40");
        assertThat(service.numEventTimeTimers()).isZero();
    }

    @Test
    void deletedTimersDoNotFireAndDeletingAMissingTimerIsANoOp() throws Exception {
        eventTimer("a", "n", 10);
        eventTimer("a", "n", 20);
        eventTimer("b", "n", 20);
        currentKey = "a";
        service.deleteEventTimeTimer("n", 20);
        service.deleteEventTimeTimer("n", 99);
        service.deleteEventTimeTimer("other", 10);
        service.advanceWatermark(100);
        assertThat(fired).containsExactly("event a/n@10", "event b/n@20");
    }

    @Test
    void timersRegisteredWhileFiringAtOrBeforeTheWatermarkFireInTheSameAdvance() throws Exception {
        service.setTriggerable(new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<String, String> timer) {
                fired.add(timer.getKey() + "@" + timer.getTimestamp());
                if (timer.getTimestamp() == 10) {
                    service.registerEventTimeTimer("n", 15); // for the current key, set by the service
                    service.registerEventTimeTimer("n", 50);
                }
            }

            @Override
            public void onProcessingTime(InternalTimer<String, String> timer) {}
        });
        eventTimer("a", "n", 10);
        eventTimer("b", "n", 20);
        service.advanceWatermark(20);
        assertThat(fired).containsExactly("a@10", "a@15", "b@20");
        service.advanceWatermark(50);
        assertThat(fired).containsExactly("a@10", "a@15", "b@20", "a@50");
    }

    @Test
    void processingTimeTimersFireWhenTheInjectedClockReachesThem() throws Exception {
        currentKey = "a";
        service.registerProcessingTimeTimer("n", 100);
        service.registerProcessingTimeTimer("n", 100);
        currentKey = "b";
        service.registerProcessingTimeTimer("n", 50);
        service.registerProcessingTimeTimer("n", 200);
        assertThat(clock.pendingTimes()).containsExactly(50L); // one callback, for the earliest timer

        clock.advanceTo(49);
        assertThat(fired).isEmpty();
        clock.advanceTo(150);
        assertThat(fired).containsExactly("proc b/n@50 now=50", "proc a/n@100 now=100");
        assertThat(clock.pendingTimes()).containsExactly(200L);

        currentKey = "b";
        service.deleteProcessingTimeTimer("n", 200);
        clock.advanceTo(1000);
        assertThat(fired).hasSize(2);
        assertThat(service.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anEarlierProcessingTimeTimerReschedulesTheCallback() throws Exception {
        currentKey = "a";
        service.registerProcessingTimeTimer("n", 100);
        service.registerProcessingTimeTimer("n", 30);
        assertThat(clock.pendingTimes()).containsExactly(30L);
        clock.advanceTo(100);
        assertThat(fired).containsExactly("proc a/n@30 now=30", "proc a/n@100 now=100");
    }

    @Test
    void aTimerRegisteredWhileFiringKeepsEarlierPendingTimersScheduled() throws Exception {
        service.setTriggerable(new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<String, String> timer) {}

            @Override
            public void onProcessingTime(InternalTimer<String, String> timer) {
                fired.add(timer.getKey() + "@" + timer.getTimestamp());
                if (timer.getTimestamp() == 10) {
                    service.registerProcessingTimeTimer("n", 500);
                }
            }
        });
        currentKey = "a";
        service.registerProcessingTimeTimer("n", 10);
        currentKey = "b";
        service.registerProcessingTimeTimer("n", 100);
        clock.advanceTo(10);
        assertThat(clock.pendingTimes()).containsExactly(100L);
        clock.advanceTo(600);
        assertThat(fired).containsExactly("a@10", "b@100", "a@500");
    }

    @Test
    void registeringWithoutACurrentKeyIsAClearError() {
        currentKey = null;
        assertThatThrownBy(() -> service.registerEventTimeTimer("n", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Timer service 'test' needs a current key: timers can be registered only while a keyed"
                        + " element or timer is processed");
    }

    @Test
    void manyRandomTimersWithDeletesFireInOrderExactlyOnce() throws Exception {
        Random random = new Random(42);
        java.util.TreeSet<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < 5000; i++) {
            String key = "k" + random.nextInt(50);
            long time = random.nextInt(1000);
            eventTimer(key, "n", time);
            expected.add(String.format("%04d %s", time, key));
            if (random.nextInt(4) == 0) {
                long del = random.nextInt(1000);
                service.deleteEventTimeTimer("n", del);
                expected.remove(String.format("%04d %s", del, key));
            }
        }
        List<String> order = new ArrayList<>();
        service.setTriggerable(new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<String, String> timer) {
                order.add(String.format("%04d %s", timer.getTimestamp(), timer.getKey()));
            }

            @Override
            public void onProcessingTime(InternalTimer<String, String> timer) {}
        });
        service.advanceWatermark(Long.MAX_VALUE);
        List<String> sortedByTime = new ArrayList<>(order);
        sortedByTime.sort(java.util.Comparator.comparing(s -> s.substring(0, 4)));
        assertThat(order).isEqualTo(sortedByTime);
        assertThat(new java.util.TreeSet<>(order)).isEqualTo(expected);
        assertThat(order).hasSize(expected.size());
    }
}
