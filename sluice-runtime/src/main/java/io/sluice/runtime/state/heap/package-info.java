/**
 * The heap keyed-state backend: keyed state in hash maps per key group, owned by one task thread.
 * Entry point: {@link io.sluice.runtime.state.heap.HeapKeyedStateBackend}. Snapshots: its
 * {@code snapshot} (synchronous part, copy-on-write per key group) returns a {@link
 * io.sluice.runtime.state.heap.HeapSnapshotWriter} (asynchronous part, format in its comment);
 * {@code restore} reads through {@link io.sluice.runtime.state.heap.HeapRestore}.
 */
package io.sluice.runtime.state.heap;
