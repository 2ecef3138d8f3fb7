package io.sluice.runtime.rpc;

/**
 * A call carried another fencing token than the endpoint's current one: it was addressed to an
 * earlier incarnation of the endpoint (a JobManager or JobMaster that has since restarted), so it
 * was rejected without running. The caller resolves the endpoint's address again.
 */
public final class FencingTokenException extends RpcException {
    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }
}
