package io.sluice.runtime.dispatcher;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.rpc.RpcService;
import java.time.Clock;

/** What the Dispatcher needs to start JobMasters: the RPC service, the ResourceManager's address, the cluster configuration and a clock. */
public record DispatcherServices(
        RpcService rpcService, String resourceManagerAddress, Configuration configuration, Clock clock) {}
