package io.sluice.runtime.rpc;

import java.util.concurrent.CompletableFuture;

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

    /**
     * The address under which an endpoint named {@code name} of this service is reachable from other
     * processes, with a fencing token new to this call: register the endpoint under it. In one JVM
     * the name is the address.
     */
    default String qualify(String name) {
        return name;
    }

    /**
     * The current address, with its fencing token, of the endpoint a well-known address (one without
     * a token, such as a JobManager's ResourceManager from the configuration) names. Processes
     * resolve again after a peer restarted: calls with the old token are rejected as stale.
     */
    default CompletableFuture<String> resolve(String address) {
        return CompletableFuture.completedFuture(address);
    }
}
