package io.sluice.runtime.rpc.grpc;

import java.io.Serializable;

/**
 * A call's outcome on the wire: the value, or the failure as serialized bytes plus its text, so a
 * caller without the failure's class still gets a message.
 */
record RpcResponse(Object value, byte[] error, String errorText) implements Serializable {
    static RpcResponse success(Object value) {
        return new RpcResponse(value, null, null);
    }

    boolean failed() {
        return errorText != null;
    }
}
