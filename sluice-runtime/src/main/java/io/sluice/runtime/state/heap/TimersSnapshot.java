package io.sluice.runtime.state.heap;

import io.sluice.runtime.operators.timers.InternalTimer;

/**
 * The timers of one timer service as a snapshot's synchronous part captured them: the timer
 * objects (which never change once registered) in any order, each with its firing rank among
 * timers of equal timestamp, so a restore registers them in the order they would have fired.
 *
 * @param eventSequences {@code eventSequences[i]} orders {@code eventTimers[i]} among equal timestamps
 */
public record TimersSnapshot(
        String serviceName,
        InternalTimer<?, ?>[] eventTimers,
        long[] eventSequences,
        InternalTimer<?, ?>[] processingTimers,
        long[] processingSequences) {

    public int size() {
        return eventTimers.length + processingTimers.length;
    }
}
