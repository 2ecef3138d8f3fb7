package io.sluice.runtime.jobmaster;

import io.sluice.runtime.configuration.WebOptions;
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
 * @param checkpointHistorySize how many checkpoints the statistics keep ({@code web.checkpoints.history})
 */
public record JobMasterServices(
        RpcService rpcService,
        String resourceManagerAddress,
        Duration slotRequestTimeout,
        Clock clock,
        HeartbeatSettings heartbeatSettings,
        Supplier<RestartStrategy> restartStrategyFactory,
        int checkpointHistorySize) {

    /** As the canonical constructor, with the default checkpoint history ({@code web.checkpoints.history}). */
    public JobMasterServices(
            RpcService rpcService,
            String resourceManagerAddress,
            Duration slotRequestTimeout,
            Clock clock,
            HeartbeatSettings heartbeatSettings,
            Supplier<RestartStrategy> restartStrategyFactory) {
        this(
                rpcService,
                resourceManagerAddress,
                slotRequestTimeout,
                clock,
                heartbeatSettings,
                restartStrategyFactory,
                WebOptions.CHECKPOINTS_HISTORY_SIZE.defaultValue());
    }

    /** Default heartbeats and no restarts. */
    public JobMasterServices(
            RpcService rpcService, String resourceManagerAddress, Duration slotRequestTimeout, Clock clock) {
        this(
                rpcService,
                resourceManagerAddress,
                slotRequestTimeout,
                clock,
                HeartbeatSettings.defaults(),
                NoRestartStrategy::new);
    }
}
