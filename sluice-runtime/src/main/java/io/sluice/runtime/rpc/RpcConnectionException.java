package io.sluice.runtime.rpc;

import java.io.IOException;

/**
 * A remote endpoint's process cannot be reached: the connection was refused or lost. Callers that
 * watch a peer (heartbeats) treat it as the peer being gone.
 */
public class RpcConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
