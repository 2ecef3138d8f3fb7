package io.sluice.runtime.e2e.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.e2e.process.programs.ProcessWordCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager JVM killed with SIGKILL mid-job: the JobManager notices (unreachable process or
 * heartbeat timeout), the job restarts with the fixed-delay strategy once a new TaskManager brings
 * the slots back, and its last attempt writes exactly the output of a fault-free run.
 */
class TaskManagerKillProcessTest {
    private static final long RECORDS = 40_000;
    private static final int WORDS = 100;

    @TempDir
    Path tmp;

    @Test
    void whenATaskManagerIsKilledMidJobAndANewOneStarts_thenTheJobRestartsAndFinishesWithTheExactOutput()
            throws Exception {
        Map<String, String> conf = Map.of(
                "heartbeat.interval", "200 ms",
                "heartbeat.timeout", "2 s",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3",
                "restart-strategy.fixed-delay.delay", "200 ms");
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 2, conf)) {
            String jarId = cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("wc.jar"), ProcessWordCount.class));
            Path out = tmp.resolve("out");
            // Each of the 4 source subtasks sleeps 20 ms every 100 of its ~10,000 records: ~2 s per attempt.
            String jobId = cluster.runJar(
                    jarId,
                    ProcessWordCount.class.getName(),
                    4,
                    List.of(out.toString(), String.valueOf(RECORDS), String.valueOf(WORDS), "100", "20"));
            cluster.awaitJobState(jobId, Set.of("RUNNING"), Duration.ofSeconds(30));
            awaitPartFiles(out.resolve("attempt-0"), 4, Duration.ofSeconds(10));
            Thread.sleep(300);

            Process victim = cluster.taskManagers().get(0);
            victim.destroyForcibly(); // SIGKILL
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            cluster.awaitTaskManagers(1, Duration.ofSeconds(10));
            cluster.startTaskManager();

            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(jobId);
            List<Path> parts = ProcessClusterTest.lastAttemptParts(out);
            assertThat(parts).hasSize(4);
            assertThat(parts)
                    .allMatch(p -> !p.getParent().getFileName().toString().equals("attempt-0"));
            assertThat(ProcessClusterTest.sorted(ProcessClusterTest.runningCounts(out)))
                    .isEqualTo(ProcessClusterTest.sorted(ProcessClusterTest.expectedCounts(RECORDS, WORDS)));
        }
    }

    private static void awaitPartFiles(Path dir, int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.count() >= n) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The job's sinks did not open " + n + " files in " + dir + " within " + timeout);
    }
}
