package io.sluice.runtime.rpc.grpc;

import java.util.Objects;

/**
 * Where an endpoint lives: {@code sluice://host:port/name#token}. The token (absent in well-known
 * addresses taken from the configuration) fences the endpoint: calls carrying another token are
 * rejected as stale.
 */
record RpcAddress(String host, int port, String name, String token) {
    static final String SCHEME = "sluice://";

    RpcAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
    }

    /** True for {@code sluice://...} addresses; a bare name is an address in the local process. */
    static boolean isRemoteForm(String address) {
        return address.startsWith(SCHEME);
    }

    static RpcAddress parse(String address) {
        if (!isRemoteForm(address)) {
            throw new IllegalArgumentException(
                    "RPC address '" + address + "' is not of the form " + SCHEME + "host:port/name[#token]");
        }
        String rest = address.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        int colon = slash < 0 ? -1 : rest.lastIndexOf(':', slash);
        if (slash < 0 || colon < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(
                    "RPC address '" + address + "' is not of the form " + SCHEME + "host:port/name[#token]");
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RPC address '" + address + "' has no valid port", e);
        }
        String nameAndToken = rest.substring(slash + 1);
        int hash = nameAndToken.indexOf('#');
        String name = hash < 0 ? nameAndToken : nameAndToken.substring(0, hash);
        String token = hash < 0 ? null : nameAndToken.substring(hash + 1);
        return new RpcAddress(rest.substring(0, colon), port, name, token);
    }

    String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return SCHEME + hostPort() + "/" + name + (token == null ? "" : "#" + token);
    }
}
