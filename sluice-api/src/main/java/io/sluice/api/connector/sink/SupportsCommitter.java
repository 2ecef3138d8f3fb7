package io.sluice.api.connector.sink;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A {@link Sink} with two-phase commit. Its writer (a {@link CommittingSinkWriter}) prepares
 * committables before each checkpoint barrier; the runtime keeps them in the checkpoint
 * (serialized with {@link #getCommittableSerializer()}) and hands them to the {@link Committer} when
 * that checkpoint completes, and again after a restore (so commits must be idempotent). Without
 * checkpointing the committables of the end of input are committed when the input ends.
 */
public interface SupportsCommitter<CommT> {
    Committer<CommT> createCommitter(CommitterInitContext context) throws IOException;

    SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
