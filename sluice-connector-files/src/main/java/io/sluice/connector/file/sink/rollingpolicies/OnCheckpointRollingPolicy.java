package io.sluice.connector.file.sink.rollingpolicies;

import io.sluice.connector.file.sink.PartFileInfo;
import io.sluice.connector.file.sink.RollingPolicy;

/** Rolls at every checkpoint and only then: each checkpoint publishes one part file per bucket. */
public final class OnCheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    private OnCheckpointRollingPolicy() {}

    public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
        return new OnCheckpointRollingPolicy<>();
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return true;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return false;
    }
}
