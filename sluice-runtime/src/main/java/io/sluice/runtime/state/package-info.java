/**
 * Key groups (how keys map to key groups and key groups to subtasks) and the runtime's view of
 * keyed state: {@link io.sluice.runtime.state.InternalKvState} scopes a state to a namespace
 * ({@link io.sluice.runtime.state.VoidNamespace} or a window), and
 * {@link io.sluice.runtime.state.InternalMergingState} merges namespaces for session windows.
 */
package io.sluice.runtime.state;
