package io.sluice.runtime.state;

import io.sluice.api.state.State;

/**
 * The runtime's view of a keyed state: besides the key the backend sets, every access goes to one
 * namespace, which the operator sets here. Plain keyed state lives in {@link VoidNamespace}; a
 * window operator uses the window as the namespace. Task thread only.
 *
 * @param <N> the namespace type
 */
public interface InternalKvState<N> extends State {
    /**
     * Makes {@code namespace} the one this state reads and writes until the next call (for every
     * key). A new state starts in {@link VoidNamespace#INSTANCE}.
     */
    void setCurrentNamespace(N namespace);
}
