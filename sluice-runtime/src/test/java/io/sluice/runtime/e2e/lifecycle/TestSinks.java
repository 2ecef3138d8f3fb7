package io.sluice.runtime.e2e.lifecycle;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sinks for the life-cycle tests. Tasks run in the test's JVM, so the sinks report through static
 * {@link Tally tallies} looked up by name: each test uses its own name and {@link #reset}s it.
 */
final class TestSinks {
    private static final ConcurrentHashMap<String, Tally> TALLIES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    private TestSinks() {}

    /** Count, sum and sum of squares of the longs a sink received: an exact checksum of a multiset. */
    static final class Tally {
        final AtomicLong count = new AtomicLong();
        final AtomicLong sum = new AtomicLong();
        final AtomicLong sumOfSquares = new AtomicLong();
        /** {@code System.nanoTime()} of the last record, 0 before the first. */
        volatile long lastArrivalNanos;

        void add(long v) {
            count.incrementAndGet();
            sum.addAndGet(v);
            sumOfSquares.addAndGet(v * v);
            lastArrivalNanos = System.nanoTime();
        }
    }

    /** A fresh tally under {@code name}. */
    static Tally reset(String name) {
        Tally t = new Tally();
        TALLIES.put(name, t);
        return t;
    }

    static Tally tally(String name) {
        return TALLIES.get(name);
    }

    /** A fresh closed gate under {@code name}; {@link #gated} sinks wait on it before each record. */
    static CountDownLatch closedGate(String name) {
        CountDownLatch gate = new CountDownLatch(1);
        GATES.put(name, gate);
        return gate;
    }

    /** Adds every record to the tally {@code name}. */
    static Sink<Long> tallying(String name) {
        return new TallySink(name, 0, 0, null);
    }

    /** Like {@link #tallying}, but sleeps {@code sleepMillis} after every {@code every} records. */
    static Sink<Long> slow(String name, int every, long sleepMillis) {
        return new TallySink(name, every, sleepMillis, null);
    }

    /** Like {@link #tallying}, but every record first waits until the gate {@code gate} opens. */
    static Sink<Long> gated(String name, String gate) {
        return new TallySink(name, 0, 0, gate);
    }

    /** A sink whose writer throws {@code new IllegalStateException(message)} from close(). */
    static Sink<Long> failingOnClose(String message) {
        return context -> new SinkWriter<>() {
            @Override
            public void write(Long element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {
                throw new IllegalStateException(message);
            }
        };
    }

    private record TallySink(String name, int every, long sleepMillis, String gate) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            Tally tally = TALLIES.get(name);
            CountDownLatch latch = gate == null ? null : GATES.get(gate);
            return new SinkWriter<>() {
                private long seen;

                @Override
                public void write(Long element, Context ctx) throws InterruptedException {
                    if (latch != null) {
                        latch.await();
                    }
                    tally.add(element);
                    if (every > 0 && ++seen % every == 0) {
                        Thread.sleep(sleepMillis);
                    }
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
