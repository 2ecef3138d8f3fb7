package io.sluice.runtime.jobmaster;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.executiongraph.restart.NoRestartStrategy;
import io.sluice.runtime.executiongraph.restart.RestartStrategy;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.rpc.RpcService;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a JobMaster needs from its surroundings.
 *
 * @param slotRequestTimeout how long to wait for all slots before failing the job
 * @param clock the source of the job's net runtime
 * @param heartbeatSettings how often the JobMaster asks the TaskManagers it holds slots on for a
 *     heartbeat, and how long one may stay silent
 * @param restartStrategyFactory creates the job's restart strategy when the job starts
 * @param configuration the cluster's configuration overlaid with the job's own (checkpoint settings)
 */
public record JobMasterServices(
        RpcService rpcService,
        String resourceManagerAddress,
        Duration slotRequestTimeout,
        Clock clock,
        HeartbeatSettings heartbeatSettings,
        Supplier<RestartStrategy> restartStrategyFactory,
        Configuration configuration) {

    /** Default heartbeats and no restarts. */
    public JobMasterServices(
            RpcService rpcService, String resourceManagerAddress, Duration slotRequestTimeout, Clock clock) {
        this(
                rpcService,
                resourceManagerAddress,
                slotRequestTimeout,
                clock,
                HeartbeatSettings.defaults(),
                NoRestartStrategy::new,
                new Configuration());
    }
}
