package io.sluice.runtime.e2e.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.e2e.process.programs.ProcessWordCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobManager killed with SIGKILL and started again: its TaskManagers hear no more heartbeats from
 * the old ResourceManager, resolve the new one (new fencing token) and register again, so the new
 * JobManager runs jobs on them.
 */
class JobManagerRestartProcessTest {
    @TempDir
    Path tmp;

    @Test
    void whenTheJobManagerRestarts_thenItsTaskManagerRegistersAgainAndRunsTheNextJob() throws Exception {
        Map<String, String> conf = Map.of("heartbeat.interval", "300 ms", "heartbeat.timeout", "5 s");
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 1, conf)) {
            // A job before the restart, so the TaskManager knows the old blob server's address.
            String before = cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("before.jar"), ProcessWordCount.class));
            Path outBefore = tmp.resolve("out-before");
            String first = cluster.runJar(
                    before, ProcessWordCount.class.getName(), 2, List.of(outBefore.toString(), "1000", "10"));
            cluster.awaitJobState(first, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(first);

            cluster.restartJobManager();
            // The new JobManager starts empty; the one TaskManager JVM (never restarted) registers
            // again. (It may do so before the first request here, so no "0 TaskManagers" check.)
            cluster.awaitTaskManagers(1, Duration.ofSeconds(20));

            assertThat(cluster.get("/overview").path("slots-available").asInt()).isEqualTo(2);
            // Another jar (other bytes, so not in the TaskManager's cache): fetched from the new blob
            // server, whose port the TaskManager has to ask the new JobManager for.
            Path jar = ProcessCluster.jarOf(tmp.resolve("wc.jar"), ProcessWordCount.class);
            Files.writeString(tmp.resolve("marker.txt"), "after the restart");
            String jarId = cluster.uploadJar(ProcessCluster.withEntry(jar, "marker.txt", tmp.resolve("marker.txt")));
            Path out = tmp.resolve("out");
            String jobId =
                    cluster.runJar(jarId, ProcessWordCount.class.getName(), 2, List.of(out.toString(), "5000", "50"));
            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(jobId);
            assertThat(ProcessClusterTest.sorted(ProcessClusterTest.runningCounts(out)))
                    .isEqualTo(ProcessClusterTest.sorted(ProcessClusterTest.expectedCounts(5000, 50)));
        }
    }
}
