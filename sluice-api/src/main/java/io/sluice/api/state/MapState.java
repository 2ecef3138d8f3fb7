package io.sluice.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map per key. A key whose map becomes empty has no state left. Iterables are live views of the
 * current key's map; modify the map only through their iterators' {@code remove} while iterating.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
public interface MapState<UK, UV> extends State {
    /** The value for {@code key}, or {@code null}. */
    UV get(UK key) throws Exception;

    void put(UK key, UV value) throws Exception;

    /** Puts all mappings of {@code map}; a null or empty map is a no-op. */
    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    /** The mappings of the current key; empty if it has none. */
    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

    /** Whether the current key has no mappings. */
    boolean isEmpty() throws Exception;
}
