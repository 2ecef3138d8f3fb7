package io.sluice.runtime.operators.timers;

/** A registered timer: when it fires, for which key, in which namespace (e.g. a window). */
public interface InternalTimer<K, N> {
    long getTimestamp();

    K getKey();

    N getNamespace();
}
