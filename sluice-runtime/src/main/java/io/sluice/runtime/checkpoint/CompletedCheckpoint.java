package io.sluice.runtime.checkpoint;

import io.sluice.api.common.JobID;
import io.sluice.runtime.operators.coordination.OperatorID;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint every task acknowledged: the state of every operator and operator coordinator at
 * one consistent cut. This is what {@code chk-N/_metadata} holds.
 *
 * @param externalPath the checkpoint's directory, or null when it is kept in memory
 */
public record CompletedCheckpoint(
        JobID jobId,
        long checkpointId,
        long timestamp,
        long completionTimestamp,
        Map<OperatorID, OperatorState> operatorStates,
        Map<OperatorID, byte[]> coordinatorStates,
        String externalPath)
        implements Serializable {
    public CompletedCheckpoint {
        operatorStates = new LinkedHashMap<>(operatorStates);
        coordinatorStates = new LinkedHashMap<>(coordinatorStates);
    }

    public CompletedCheckpoint withExternalPath(String path) {
        return new CompletedCheckpoint(
                jobId, checkpointId, timestamp, completionTimestamp, operatorStates, coordinatorStates, path);
    }

    public long getStateSize() {
        long size = 0;
        for (OperatorState s : operatorStates.values()) {
            size += s.getStateSize();
        }
        for (byte[] b : coordinatorStates.values()) {
            size += b == null ? 0 : b.length;
        }
        return size;
    }

    /** Deletes the state files and the checkpoint's directory. */
    public void discard() throws IOException {
        for (OperatorState s : operatorStates.values()) {
            s.discardState();
        }
        if (externalPath != null) {
            deleteDirectory(Path.of(externalPath));
        }
    }

    static void deleteDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return "checkpoint " + checkpointId + " of job " + jobId + (externalPath == null ? "" : " at " + externalPath);
    }
}
