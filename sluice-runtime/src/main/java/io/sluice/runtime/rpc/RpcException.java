package io.sluice.runtime.rpc;

/** A remote call failed for a reason of the RPC layer itself (not of the called method). */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
