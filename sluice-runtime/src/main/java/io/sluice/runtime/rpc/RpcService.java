package io.sluice.runtime.rpc;

/**
 * Finds a component's gateway by address. In one JVM ({@link LocalRpcService}) the gateway is the
 * endpoint object itself; a process cluster will return remote stubs. Thread-safe.
 */
public interface RpcService {
    /** Makes {@code gateway} reachable at {@code address}; fails if the address is taken. */
    void register(String address, Object gateway);

    void unregister(String address);

    /**
     * The gateway at {@code address}. Non-blocking: a remote implementation returns a stub that
     * connects lazily. Throws {@link IllegalArgumentException} naming the address when nothing is
     * registered there or it does not implement {@code type}.
     */
    <G> G connect(String address, Class<G> type);
}
