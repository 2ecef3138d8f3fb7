package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * Publishes the committables a {@link CommittingSinkWriter} prepared, once the checkpoint holding
 * them is complete. Runs on the task thread of the sink's subtask.
 *
 * <p>The same committable may be handed over more than once (after a failure the committables of
 * the restored checkpoint are committed again, whether or not the first attempt got through), so a
 * commit must be idempotent. For each request the committer either returns normally (committed),
 * or signals what happened through the {@link CommitRequest}: already committed, retry later
 * (handed over again at the next completed checkpoint), or failed. A failure with an unknown
 * reason fails the job; one with a known reason is logged and the committable dropped (Flink's
 * semantics).
 */
public interface Committer<CommT> extends AutoCloseable {
    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;

    /** One committable and what became of it. */
    interface CommitRequest<CommT> {
        CommT getCommittable();

        /** How many times it was retried before this attempt (0 on the first). */
        int getNumberOfRetries();

        /** Failed for a known reason, not worth retrying: logged, the committable is dropped. */
        void signalFailedWithKnownReason(Throwable t);

        /** Failed for an unknown reason: the job fails with {@code t}. */
        void signalFailedWithUnknownReason(Throwable t);

        /** Try again at the next completed checkpoint. */
        void retryLater();

        /** Try again later with a replaced committable. */
        void updateAndRetryLater(CommT committable);

        /** It had been committed before (for example before a failure): nothing to do. */
        void signalAlreadyCommitted();
    }
}
