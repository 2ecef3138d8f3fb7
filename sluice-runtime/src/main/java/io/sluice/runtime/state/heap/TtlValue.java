package io.sluice.runtime.state.heap;

/** A stored value with its last access timestamp; used only by states with TTL enabled. */
record TtlValue<V>(V value, long lastAccessTimestamp) {}
