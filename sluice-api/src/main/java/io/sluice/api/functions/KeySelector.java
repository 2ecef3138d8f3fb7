package io.sluice.api.functions;

/**
 * Extracts the key of an element for {@code keyBy}. The key must be deterministic and have a
 * stable {@code hashCode()} across JVMs (no identity hash codes, no enums' default hashCode on
 * another JVM: Sluice hashes enums by name).
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
