package io.sluice.runtime.e2e.joins;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named one-shot gates shared by the test's sources and sinks. The embedded cluster runs in the
 * test's JVM, so a sink can open a gate a source waits on. Each test uses fresh names. Thread-safe.
 */
final class Gates {
    private static final ConcurrentHashMap<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

    private Gates() {}

    /** The gate's future, completed when the gate opens (created closed on first use). */
    static CompletableFuture<Void> gate(String name) {
        return GATES.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    static void open(String name) {
        gate(name).complete(null);
    }

    static boolean isOpen(String name) {
        return gate(name).isDone();
    }
}
