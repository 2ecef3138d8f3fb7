package io.sluice.runtime.network.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetworkBufferPoolTest {

    @Test
    void whenReservationsExceedTheTotal_thenCreationFailsNamingTheNumbersAndTheSetting() {
        NetworkBufferPool global = new NetworkBufferPool(10, 64);
        global.createBufferPool("partition A", 6, 8);
        assertThatThrownBy(() -> global.createBufferPool("partition B", 5, 8))
                .isInstanceOf(InsufficientNetworkBuffersException.class)
                .hasMessage("Insufficient network buffers: required 5 for partition B, available 4 of 10; increase"
                        + " taskmanager.network.buffers (NetworkConfig.totalBuffers), or lower the parallelism or"
                        + " NetworkConfig.buffersPerChannel");
        assertThat(global.getUnreservedBuffers()).isEqualTo(4);
    }

    @Test
    void aProducerAndARecyclingConsumerNeverHoldMoreThanThePoolsMaxInTheGlobalPool() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(100, 64);
        LocalBufferPool pool = global.createBufferPool("partition A", 1, 3);
        java.util.concurrent.ArrayBlockingQueue<Buffer> inFlight = new java.util.concurrent.ArrayBlockingQueue<>(8);
        int buffers = 200_000;
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < buffers; i++) {
                    inFlight.take().recycleBuffer();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        for (int i = 0; i < buffers; i++) {
            inFlight.put(pool.requestBufferBlocking());
        }
        consumer.join(30_000);

        // A segment on its way back to the global pool still counts for its local pool, so the
        // producer cannot take a fourth one meanwhile.
        assertThat(global.getPeakBuffersInUse()).isEqualTo(3);
        assertThat(global.getBuffersInUse()).isEqualTo(1);
    }

    @Test
    void localPoolHandsOutExactlyMaxBuffers_thenIsUnavailableUntilOneIsRecycled() {
        NetworkBufferPool global = new NetworkBufferPool(100, 64);
        LocalBufferPool pool = global.createBufferPool("p", 2, 5);
        List<Buffer> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(pool.isAvailable()).isTrue();
            taken.add(pool.requestBuffer());
        }
        assertThat(taken).doesNotContainNull();
        assertThat(pool.isAvailable()).isFalse();
        assertThat(pool.requestBuffer()).isNull();
        CompletableFuture<?> future = pool.getAvailableFuture();
        assertThat(future).isNotDone();

        taken.remove(0).recycleBuffer();

        assertThat(future).isDone();
        assertThat(pool.isAvailable()).isTrue();
        assertThat(pool.requestBuffer()).isNotNull();
        assertThat(pool.getNumInFlight()).isEqualTo(5);
    }

    @Test
    void buffersAboveTheMinimumGoBackToTheGlobalPoolWhenRecycled() {
        NetworkBufferPool global = new NetworkBufferPool(10, 64);
        LocalBufferPool pool = global.createBufferPool("p", 1, 4);
        List<Buffer> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(pool.requestBuffer());
        }
        assertThat(global.getBuffersInUse()).isEqualTo(4);
        for (Buffer buffer : taken) {
            buffer.recycleBuffer();
        }
        assertThat(pool.getNumHeld()).isEqualTo(1);
        assertThat(global.getBuffersInUse()).isEqualTo(1);
    }

    @Test
    void borrowingNeverTakesBuffersReservedForAnotherPool() {
        NetworkBufferPool global = new NetworkBufferPool(4, 64);
        LocalBufferPool a = global.createBufferPool("a", 2, 4);
        LocalBufferPool b = global.createBufferPool("b", 2, 4);
        Buffer a1 = a.requestBuffer();
        Buffer a2 = a.requestBuffer();
        assertThat(a.isAvailable()).isFalse();
        assertThat(a.requestBuffer()).isNull();
        assertThat(b.requestBuffer()).isNotNull();
        assertThat(b.requestBuffer()).isNotNull();
        assertThat(global.getBuffersInUse()).isEqualTo(4);

        b.lazyDestroy(); // b's reservation ends; its two in-flight buffers are not back yet
        assertThat(a.requestBuffer()).isNull();
        assertThat(a1).isNotSameAs(a2);
    }

    @Test
    void destroyingAPoolWakesItsWaitingRequester_whichThenFails() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(2, 64);
        LocalBufferPool pool = global.createBufferPool("partition X of task T", 1, 1);
        pool.requestBuffer();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread requester = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        requester.start();
        waitUntilWaiting(requester);

        pool.lazyDestroy();

        assertThat(failure.get(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Buffer pool of partition X of task T was released");
    }

    @Test
    void recyclingTwiceIsDetected() {
        NetworkBufferPool global = new NetworkBufferPool(2, 64);
        LocalBufferPool pool = global.createBufferPool("p", 1, 2);
        Buffer buffer = pool.requestBuffer();
        buffer.recycleBuffer();
        assertThatThrownBy(buffer::recycleBuffer).hasMessageContaining("Buffer recycled twice");
    }

    static void waitUntilWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("thread " + thread.getName() + " did not block, state " + thread.getState());
            }
            Thread.sleep(5);
        }
    }
}
