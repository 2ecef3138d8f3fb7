package io.sluice.runtime.heartbeat;

import java.time.Duration;

/**
 * Why a watched peer is considered lost: it stayed silent for the heartbeat timeout, or a
 * heartbeat request could not reach its process ({@link io.sluice.runtime.rpc.RpcConnectionException}).
 *
 * @param cause the connection failure; null when the heartbeat timed out
 */
public record HeartbeatLoss(String targetId, Duration timeout, Throwable cause) {
    public boolean timedOut() {
        return cause == null;
    }

    /**
     * "heartbeat of TaskManager tm-1 timed out after 500 ms" or "TaskManager tm-1 is unreachable
     * (connection refused)", with {@code peer} such as "TaskManager tm-1".
     */
    public String describe(String peer) {
        if (cause == null) {
            return "heartbeat of " + peer + " timed out after " + formatDuration(timeout);
        }
        return peer + " is unreachable (" + cause.getMessage() + ")";
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return (ms / 60_000) + " min";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return (ms / 1000) + " s";
        }
        return ms + " ms";
    }
}
