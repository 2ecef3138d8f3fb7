package io.sluice.runtime.rpc;

import java.util.concurrent.ConcurrentHashMap;

/** The in-JVM {@link RpcService}: a concurrent map from address to gateway object. Thread-safe. */
public final class LocalRpcService implements RpcService {
    private final ConcurrentHashMap<String, Object> endpoints = new ConcurrentHashMap<>();

    @Override
    public void register(String address, Object gateway) {
        Object previous = endpoints.putIfAbsent(address, gateway);
        if (previous != null) {
            throw new IllegalArgumentException("An endpoint is already registered at address '" + address + "'");
        }
    }

    @Override
    public void unregister(String address) {
        endpoints.remove(address);
    }

    @Override
    public <G> G connect(String address, Class<G> type) {
        Object gateway = endpoints.get(address);
        if (gateway == null) {
            throw new IllegalArgumentException(
                    "No endpoint is registered at address '" + address + "'; it has shut down or was never started");
        }
        if (!type.isInstance(gateway)) {
            throw new IllegalArgumentException("The endpoint at address '" + address + "' is a "
                    + gateway.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(gateway);
    }
}
