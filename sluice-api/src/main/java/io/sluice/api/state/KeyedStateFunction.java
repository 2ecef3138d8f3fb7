package io.sluice.api.state;

/**
 * Applied to the state of each key by {@code KeyedBroadcastProcessFunction.Context#applyToKeyedState}.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    /** Called once per key that has a value in the state, with that key set as the current key. */
    void process(K key, S state) throws Exception;
}
