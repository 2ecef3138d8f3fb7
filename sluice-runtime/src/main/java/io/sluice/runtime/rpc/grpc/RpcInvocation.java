package io.sluice.runtime.rpc.grpc;

import java.io.Serializable;

/**
 * One gateway call on the wire. {@code target} null means a lookup of the endpoint named
 * {@code args[0]}, which needs no token.
 *
 * @param sender the calling process's RPC address ({@code sluice://host:port}), for messages
 */
record RpcInvocation(
        String target, String token, String sender, String methodName, String[] parameterTypes, Object[] args)
        implements Serializable {}
