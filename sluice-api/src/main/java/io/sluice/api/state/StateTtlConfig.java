package io.sluice.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state values, measured in processing time. A value expires {@code ttl}
 * after its last access timestamp, i.e. at {@code lastAccess + ttl} exactly; which accesses refresh
 * the timestamp is the {@link UpdateType}, whether an expired value that is still stored can be read
 * is the {@link StateVisibility}. Expired values are removed when they are accessed. List elements
 * and map entries expire one by one; value, reducing and aggregating state as a whole.
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(10))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
 *         .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which accesses refresh a value's last access timestamp. */
    public enum UpdateType {
        /** TTL is off. */
        Disabled,
        /** Creating and writing a value refresh its timestamp; reads do not. */
        OnCreateAndWrite,
        /** Reads refresh the timestamp too. */
        OnReadAndWrite
    }

    /** Whether an expired value that has not been removed yet may be returned. */
    public enum StateVisibility {
        /** An expired value is returned once, on the access that removes it. */
        ReturnExpiredIfNotCleanedUp,
        /** An expired value is never returned. */
        NeverReturnExpired
    }

    /** The config of state without TTL. */
    static final StateTtlConfig DISABLED = new StateTtlConfig(
            UpdateType.Disabled, StateVisibility.NeverReturnExpired, Duration.ofMillis(Long.MAX_VALUE), false, false);

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;
    private final boolean cleanupFullSnapshot;
    private final boolean cleanupInBackground;

    private StateTtlConfig(
            UpdateType updateType,
            StateVisibility stateVisibility,
            Duration ttl,
            boolean cleanupFullSnapshot,
            boolean cleanupInBackground) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
        this.cleanupFullSnapshot = cleanupFullSnapshot;
        this.cleanupInBackground = cleanupInBackground;
    }

    /** A builder with update type {@code OnCreateAndWrite} and visibility {@code NeverReturnExpired}. */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTtl() {
        return ttl;
    }

    /** Whether full snapshots leave out expired values. */
    public boolean isCleanupInFullSnapshot() {
        return cleanupFullSnapshot;
    }

    /** Whether the backend may remove expired values of keys that are not accessed. */
    public boolean isCleanupInBackground() {
        return cleanupInBackground;
    }

    @Override
    public String toString() {
        return isEnabled()
                ? "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", visibility=" + stateVisibility
                        + ", cleanupFullSnapshot=" + cleanupFullSnapshot + "}"
                : "StateTtlConfig{disabled}";
    }

    /** Builds a {@link StateTtlConfig}. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;
        private boolean cleanupFullSnapshot;
        private boolean cleanupInBackground = true;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl must not be null");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException(
                        "State TTL must be positive but is " + ttl + "; pass a duration of at least 1 ms");
            }
            this.ttl = ttl;
            return this;
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType must not be null");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility must not be null");
            return this;
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Leave expired values out of full snapshots. */
        public Builder cleanupFullSnapshot() {
            this.cleanupFullSnapshot = true;
            return this;
        }

        /** Remove expired values only when they are accessed (or in full snapshots). */
        public Builder disableCleanupInBackground() {
            this.cleanupInBackground = false;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttl, cleanupFullSnapshot, cleanupInBackground);
        }
    }
}
