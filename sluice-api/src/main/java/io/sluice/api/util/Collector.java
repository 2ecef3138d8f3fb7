package io.sluice.api.util;

/** Receives the elements a function emits. Not thread-safe: call it on the task thread only. */
public interface Collector<T> {
    void collect(T record);

    void close();
}
