package io.sluice.runtime.jobmaster;

import io.sluice.runtime.rpc.RpcService;
import java.time.Clock;
import java.time.Duration;

/**
 * What a JobMaster needs from its surroundings.
 *
 * @param slotRequestTimeout how long to wait for all slots before failing the job
 * @param clock the source of the job's net runtime
 */
public record JobMasterServices(
        RpcService rpcService, String resourceManagerAddress, Duration slotRequestTimeout, Clock clock) {}
