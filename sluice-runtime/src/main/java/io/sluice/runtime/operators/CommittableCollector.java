package io.sluice.runtime.operators;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.Committer.CommitRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committables of one sink subtask, by the checkpoint that prepared them, until they are
 * committed. Those of the end of input are kept under {@link #END_OF_INPUT}. A committable that
 * asks to be retried stays under its checkpoint and is handed over again at the next commit.
 * Task thread only.
 */
final class CommittableCollector<CommT> {
    private static final Logger LOG = LoggerFactory.getLogger(CommittableCollector.class);

    /** The checkpoint id of what the writer prepared at the end of input. */
    static final long END_OF_INPUT = Long.MAX_VALUE;

    /** A committable waiting for its commit, and how often it was retried. */
    record Pending<CommT>(long checkpointId, CommT committable, int retries) {}

    private final NavigableMap<Long, List<Pending<CommT>>> byCheckpoint = new TreeMap<>();

    void add(long checkpointId, Collection<CommT> committables) {
        for (CommT c : committables) {
            add(new Pending<>(checkpointId, c, 0));
        }
    }

    void add(Pending<CommT> pending) {
        byCheckpoint
                .computeIfAbsent(pending.checkpointId(), id -> new ArrayList<>())
                .add(pending);
    }

    boolean isEmpty() {
        return byCheckpoint.isEmpty();
    }

    /** Everything still waiting, in checkpoint order (what a snapshot keeps). */
    List<Pending<CommT>> pending() {
        List<Pending<CommT>> all = new ArrayList<>();
        for (List<Pending<CommT>> list : byCheckpoint.values()) {
            all.addAll(list);
        }
        return all;
    }

    /**
     * Commits the committables of every checkpoint up to {@code checkpointId} (inclusive) in one
     * call to the committer. Retries stay; a failure with a known reason is logged and dropped; the
     * first failure with an unknown reason is thrown once the others were handled.
     *
     * @param owner names the operator and subtask in messages
     */
    void commitUpTo(long checkpointId, Committer<CommT> committer, String owner) throws Exception {
        NavigableMap<Long, List<Pending<CommT>>> due = byCheckpoint.headMap(checkpointId, true);
        if (due.isEmpty()) {
            return;
        }
        List<Request<CommT>> requests = new ArrayList<>();
        for (List<Pending<CommT>> list : due.values()) {
            for (Pending<CommT> p : list) {
                requests.add(new Request<>(p));
            }
        }
        due.clear();
        committer.commit(new ArrayList<>(requests));
        Exception failure = null;
        for (Request<CommT> r : requests) {
            switch (r.outcome) {
                case COMMITTED, ALREADY_COMMITTED -> {}
                case RETRY -> add(new Pending<>(r.pending.checkpointId(), r.committable, r.pending.retries() + 1));
                case FAILED_KNOWN -> LOG.warn(
                        "{}: dropping committable {} of checkpoint {}: its commit failed for a known reason",
                        owner,
                        r.committable,
                        r.pending.checkpointId(),
                        r.failure);
                case FAILED_UNKNOWN -> {
                    Exception e = new Exception(
                            owner + ": committing " + r.committable + " of checkpoint "
                                    + describe(r.pending.checkpointId()) + " failed: " + r.failure.getMessage(),
                            r.failure);
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String describe(long checkpointId) {
        return checkpointId == END_OF_INPUT ? "(end of input)" : Long.toString(checkpointId);
    }

    private enum Outcome {
        COMMITTED,
        ALREADY_COMMITTED,
        RETRY,
        FAILED_KNOWN,
        FAILED_UNKNOWN
    }

    /** One committable handed to the committer; the committer's signal replaces the default (committed). */
    private static final class Request<CommT> implements CommitRequest<CommT> {
        final Pending<CommT> pending;
        CommT committable;
        Outcome outcome = Outcome.COMMITTED;
        Throwable failure;

        Request(Pending<CommT> pending) {
            this.pending = pending;
            this.committable = pending.committable();
        }

        @Override
        public CommT getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return pending.retries();
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = Outcome.FAILED_KNOWN;
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = Outcome.FAILED_UNKNOWN;
            failure = t;
        }

        @Override
        public void retryLater() {
            outcome = Outcome.RETRY;
        }

        @Override
        public void updateAndRetryLater(CommT committable) {
            this.committable = committable;
            outcome = Outcome.RETRY;
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = Outcome.ALREADY_COMMITTED;
        }
    }
}
