package io.sluice.runtime.jobgraph;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.StateRecoveryOptions;
import java.io.Serializable;

/**
 * Where a job starts from: nothing ({@link #none()}), or a retained checkpoint or savepoint
 * ({@code bin/sluice run -s <path>}, or {@code savepointPath} of {@code POST /jars/:jarid/run}).
 *
 * @param restorePath the checkpoint's directory or its {@code _metadata} file; null for none
 * @param allowNonRestoredState whether state in the checkpoint that belongs to no operator of the
 *     job is skipped (true) or fails the restore (false)
 */
public record SavepointRestoreSettings(String restorePath, boolean allowNonRestoredState) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final SavepointRestoreSettings NONE = new SavepointRestoreSettings(null, false);

    public SavepointRestoreSettings {
        if (restorePath != null && restorePath.isBlank()) {
            throw new IllegalArgumentException("The savepoint path must not be blank");
        }
        if (restorePath == null && allowNonRestoredState) {
            throw new IllegalArgumentException("allowNonRestoredState needs a savepoint path to restore from");
        }
    }

    public static SavepointRestoreSettings none() {
        return NONE;
    }

    public static SavepointRestoreSettings forPath(String restorePath, boolean allowNonRestoredState) {
        if (restorePath == null) {
            throw new IllegalArgumentException("The savepoint path must not be null");
        }
        return new SavepointRestoreSettings(restorePath, allowNonRestoredState);
    }

    /**
     * The settings a job's configuration asks for: {@code execution.state-recovery.path} and
     * {@code execution.state-recovery.ignore-unclaimed-state}; {@link #none()} without a path.
     */
    public static SavepointRestoreSettings fromConfiguration(Configuration configuration) {
        String path = configuration.get(StateRecoveryOptions.SAVEPOINT_PATH);
        if (path == null || path.isBlank()) {
            return none();
        }
        return forPath(path.trim(), configuration.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }

    /** Writes these settings into {@code configuration} (removing nothing when there is no path). */
    public void toConfiguration(Configuration configuration) {
        if (restorePath != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
            configuration.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        }
    }

    public boolean restoreSavepoint() {
        return restorePath != null;
    }
}
