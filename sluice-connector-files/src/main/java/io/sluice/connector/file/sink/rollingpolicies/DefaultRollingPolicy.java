package io.sluice.connector.file.sink.rollingpolicies;

import io.sluice.api.configuration.MemorySize;
import io.sluice.connector.file.sink.PartFileInfo;
import io.sluice.connector.file.sink.RollingPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * Rolls a part file when it has grown past the maximum part size (checked before each element
 * and at each checkpoint, so a part may exceed it by one element), when it is older than the
 * rollover interval, or when nothing was written to it for the inactivity interval (both checked
 * at each bucket check). Defaults: 128 MiB, 60 s, 60 s (Flink's).
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
    public static final long DEFAULT_ROLLOVER_INTERVAL = 60_000L;
    public static final long DEFAULT_INACTIVITY_INTERVAL = 60_000L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        if (partSize <= 0 || rolloverInterval <= 0 || inactivityInterval <= 0) {
            throw new IllegalArgumentException("DefaultRollingPolicy: part size and intervals must be positive, got "
                    + partSize + " bytes, " + rolloverInterval + " ms, " + inactivityInterval + " ms");
        }
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    /** Builds a {@link DefaultRollingPolicy}. */
    public static final class PolicyBuilder {
        private long partSize = DEFAULT_MAX_PART_SIZE;
        private long rolloverInterval = DEFAULT_ROLLOVER_INTERVAL;
        private long inactivityInterval = DEFAULT_INACTIVITY_INTERVAL;

        private PolicyBuilder() {}

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            this.partSize = size.bytes();
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = interval.toMillis();
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = interval.toMillis();
            return this;
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }
    }
}
