package io.sluice.runtime.e2e.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.e2e.process.programs.ExitingMain;
import io.sluice.runtime.e2e.process.programs.ProcessBackpressure;
import io.sluice.runtime.e2e.process.programs.ProcessWordCount;
import io.sluice.runtime.e2e.process.programs.ThrowingMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JobManager and TaskManagers as separate JVMs on 127.0.0.1, jobs submitted as jars over REST. */
class ProcessClusterTest {
    private static final String WORD_COUNT = ProcessWordCount.class.getName();

    @TempDir
    Path tmp;

    @Test
    void wordCountAtParallelism4RunsAcrossTwoTaskManagersWithExactOutput() throws Exception {
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 2, Map.of())) {
            // 4 slots on 2 TaskManagers: the 4 parallel pipelines use both, so the keyBy crosses TCP.
            assertThat(cluster.get("/overview").path("taskmanagers").asInt()).isEqualTo(2);
            assertThat(cluster.get("/overview").path("slots-total").asInt()).isEqualTo(4);
            String jarId =
                    cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("wordcount.jar"), ProcessWordCount.class));
            Path out = tmp.resolve("out");
            String jobId = cluster.runJar(jarId, WORD_COUNT, 4, List.of(out.toString(), "200000", "1000"));

            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(jobId);
            assertThat(sorted(runningCounts(out))).isEqualTo(sorted(expectedCounts(200_000, 1000)));
            // Every subtask of the keyed count wrote, so keys went to all four.
            assertThat(lastAttemptParts(out)).hasSize(4);
        }
    }

    static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    @Test
    void aJarRunWithoutParallelismGetsTheClustersDefaultAndFitsOneSlot() throws Exception {
        // The out-of-the-box cluster: one TaskManager with one slot, no parallelism.default set.
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 1, Map.of("taskmanager.numberOfTaskSlots", "1"))) {
            String jarId =
                    cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("wordcount.jar"), ProcessWordCount.class));
            Path out = tmp.resolve("out");
            String jobId = cluster.runJar(jarId, WORD_COUNT, null, List.of(out.toString(), "3000", "5"));

            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(jobId);
            assertThat(sorted(runningCounts(out))).isEqualTo(sorted(expectedCounts(3000, 5)));
            assertThat(lastAttemptParts(out)).hasSize(1);
        }
    }

    @Test
    void aSlowSinkInAnotherProcessHoldsTheProducerWithinItsBufferPool() throws Exception {
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 2, Map.of("taskmanager.numberOfTaskSlots", "1"))) {
            String jarId = cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("bp.jar"), ProcessBackpressure.class));
            Path out = tmp.resolve("out");
            long records = 100_000;
            // About 100 MB through a sink that takes about 2 s: the source would finish in a fraction of that.
            String jobId = cluster.runJar(
                    jarId, ProcessBackpressure.class.getName(), 1, List.of(out.toString(), "" + records, "500", "10"));

            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(90));
            cluster.assertFinished(jobId);
            List<String> expected = new ArrayList<>();
            for (long i = 1; i <= records; i++) {
                expected.add(String.valueOf(i));
            }
            assertThat(runningCounts(out)).isEqualTo(expected);
            // One channel: the producer's partition pool holds at most 1 x 2 exclusive + 8 floating
            // buffers, and so does the consumer's gate; 100 MB went through 32 KiB buffers.
            for (var tm : cluster.get("/taskmanagers").path("taskmanagers")) {
                String id = tm.path("id").asText();
                var metrics = cluster.get(
                        "/taskmanagers/" + id
                                + "/metrics?get=Status.Shuffle.Netty.PeakUsedMemorySegments,Status.Shuffle.Netty.TotalMemorySegments");
                assertThat(metrics.toString())
                        .isEqualTo("[{\"id\":\"Status.Shuffle.Netty.PeakUsedMemorySegments\",\"value\":\""
                                + metrics.get(0).path("value").asText() + "\"},"
                                + "{\"id\":\"Status.Shuffle.Netty.TotalMemorySegments\",\"value\":\"2048\"}]");
                assertThat(metrics.get(0).path("value").asLong())
                        .as("peak buffers of " + id)
                        .isBetween(1L, 10L);
            }
        }
    }

    @Test
    void aTaskManagerKilledMidJobIsReplacedAndTheJobRestartsToTheExactOutput() throws Exception {
        Map<String, String> config = Map.of(
                "heartbeat.interval", "300 ms",
                "heartbeat.timeout", "3 s",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3",
                "restart-strategy.fixed-delay.delay", "500 ms");
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 2, config)) {
            String jarId =
                    cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("wordcount.jar"), ProcessWordCount.class));
            Path out = tmp.resolve("out");
            // 40,000 records at 4 x 100 per 25 ms: about 2.5 s of input.
            String jobId = cluster.runJar(jarId, WORD_COUNT, 4, List.of(out.toString(), "40000", "100", "100", "25"));
            cluster.awaitJobState(jobId, Set.of("RUNNING"), Duration.ofSeconds(30));
            awaitOutput(out.resolve("attempt-0"), Duration.ofSeconds(30));

            Process victim = cluster.taskManagers().get(1);
            victim.destroyForcibly().waitFor();
            cluster.startTaskManager();

            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(90));
            cluster.assertFinished(jobId);
            assertThat(sorted(runningCounts(out))).isEqualTo(sorted(expectedCounts(40_000, 100)));
            assertThat(lastAttemptParts(out)).allSatisfy(part -> assertThat(
                            part.getParent().getFileName().toString())
                    .isNotEqualTo("attempt-0"));
            String exceptions = cluster.get("/jobs/" + jobId + "/exceptions").toString();
            assertThat(exceptions).contains("127.0.0.1:");
        }
    }

    @Test
    void badRequestsGetClearErrorsWhileAnotherJobKeepsRunning() throws Exception {
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 1, Map.of("rest.server.max-content-length", "1mb"))) {
            Path jar = ProcessCluster.jarOf(tmp.resolve("wordcount.jar"), ProcessWordCount.class);
            String jarId = cluster.uploadJar(jar);
            // An endless word count (10^12 records, slowed down) that must not notice anything below.
            String running = cluster.runJar(
                    jarId,
                    WORD_COUNT,
                    1,
                    List.of(tmp.resolve("endless").toString(), "1000000000000", "10", "100", "20"));
            cluster.awaitJobState(running, Set.of("RUNNING"), Duration.ofSeconds(30));

            String unknown = "0".repeat(32);
            String noSuchJob =
                    "No job with id " + unknown + " was submitted to this cluster; list the jobs to see the known ids";
            assertError(cluster.request("GET", "/jobs/" + unknown, null), 404, noSuchJob);
            assertError(cluster.request("PATCH", "/jobs/" + unknown + "?mode=cancel", null), 404, noSuchJob);
            assertError(cluster.request("GET", "/jobs/not-a-job-id", null), 400, "not-a-job-id");
            assertError(
                    cluster.request("POST", "/jars/" + jarId + "/run", "{\"entryClass\": "),
                    400,
                    "The request body is not valid JSON: ");
            assertError(
                    cluster.upload("notajar.jar", "just some text".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    400,
                    "The file 'notajar.jar' is not a jar: it does not start with the ZIP signature");
            assertError(
                    cluster.upload("../evil.jar", Files.readAllBytes(jar)),
                    400,
                    "The file name '../evil.jar' is not allowed");
            assertError(
                    cluster.upload("huge.jar", new byte[2 * 1024 * 1024]),
                    413,
                    "The request body is larger than 1048576 bytes");
            assertError(
                    cluster.request(
                            "POST",
                            "/jars/" + jarId + "/run",
                            "{\"entryClass\": \"" + ThrowingMain.class.getName() + "\"}"),
                    400,
                    "Could not execute application: " + ThrowingMain.class.getName()
                            + ".main() threw java.lang.IllegalStateException: boom: the program refuses to run");
            // System.exit in main (and in a thread main started) must not stop the JobManager.
            assertError(
                    cluster.request(
                            "POST",
                            "/jars/" + jarId + "/run",
                            "{\"entryClass\": \"" + ExitingMain.class.getName() + "\"}"),
                    400,
                    "Could not execute application: " + ExitingMain.class.getName() + ".main() threw "
                            + "io.sluice.runtime.execution.UserCodeExitGuard$UserSystemExitException: "
                            + ExitingMain.class.getName() + ".main() called System.exit(3), which would have stopped"
                            + " the JobManager; a program run on a cluster must return from main() or throw");
            assertThat(cluster.get("/jars").path("files").size()).isEqualTo(1);

            // The endless job still runs, and a new job runs to its exact output beside it.
            assertThat(cluster.get("/jobs/" + running).path("state").asText()).isEqualTo("RUNNING");
            Path out = tmp.resolve("out");
            String jobId = cluster.runJar(jarId, WORD_COUNT, 1, List.of(out.toString(), "5000", "7"));
            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(60));
            cluster.assertFinished(jobId);
            assertThat(sorted(runningCounts(out))).isEqualTo(sorted(expectedCounts(5000, 7)));
            assertThat(cluster.request("PATCH", "/jobs/" + running + "?mode=cancel", null)
                            .status())
                    .isEqualTo(202);
            assertThat(cluster.awaitJobState(running, Set.of("CANCELED", "FAILED", "FINISHED"), Duration.ofSeconds(30)))
                    .isEqualTo("CANCELED");
        }
    }

    private static void assertError(ProcessCluster.Reply reply, int status, String messageStart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).startsWith("{\"errors\":[\"").contains(messageStart);
    }

    private static void awaitOutput(Path dir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> parts = Files.list(dir)) {
                    if (parts.anyMatch(p -> p.toFile().length() > 0)) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No output in " + dir + " after " + timeout);
    }

    /** Every running count (w, 1) ... (w, n) of every word, as the job writes them. */
    static List<String> expectedCounts(long records, int words) {
        long[] perWord = new long[words];
        for (long i = 1; i <= records; i++) {
            perWord[(int) (i % words)]++;
        }
        List<String> lines = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            for (long c = 1; c <= perWord[w]; c++) {
                lines.add("w" + w + "," + c);
            }
        }
        return lines;
    }

    /** The lines of the highest attempt's part file of every subtask. */
    static List<String> runningCounts(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : lastAttemptParts(out)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }

    static List<Path> lastAttemptParts(Path out) throws IOException {
        java.util.Map<String, Path> bySubtask = new java.util.TreeMap<>();
        try (Stream<Path> attempts = Files.list(out)) {
            for (Path attempt : attempts.sorted(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().substring("attempt-".length()))))
                    .toList()) {
                try (Stream<Path> parts = Files.list(attempt)) {
                    parts.forEach(p -> bySubtask.put(p.getFileName().toString(), p));
                }
            }
        }
        return List.copyOf(bySubtask.values());
    }
}
