/**
 * The heap keyed-state backend: keyed state in hash maps per key group, owned by one task thread.
 * Entry point: {@link io.sluice.runtime.state.heap.HeapKeyedStateBackend}.
 */
package io.sluice.runtime.state.heap;
