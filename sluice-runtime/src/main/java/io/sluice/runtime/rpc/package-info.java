/**
 * The endpoint base of the control-plane components: each component (Dispatcher, ResourceManager,
 * JobMaster, TaskExecutor) is an {@link io.sluice.runtime.rpc.RpcEndpoint} that owns its state and
 * changes it only on its own main thread; other components reach it through a gateway interface
 * found in the {@link io.sluice.runtime.rpc.RpcService} by address. In one JVM the gateway is the
 * endpoint itself and every gateway method hops onto the endpoint's main thread; a process cluster
 * replaces the service with remote stubs.
 */
package io.sluice.runtime.rpc;
