package io.sluice.runtime.state;

import java.util.Collection;

/**
 * A keyed state whose values can be merged (reducing, aggregating and list state), for merging
 * windows: the values of several namespaces of the current key become one.
 *
 * @param <N> the namespace type
 */
public interface InternalMergingState<N> extends InternalKvState<N> {
    /**
     * For the current key: combines the values of the {@code sources} namespaces into
     * {@code target} and removes them from the sources. The target's value comes first (reduce
     * of target and merged sources, accumulators merged into the target's, lists appended to the
     * target's); sources without a value are skipped. The current namespace is unchanged.
     */
    void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
