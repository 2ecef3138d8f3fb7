package io.sluice.runtime.e2e.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.e2e.process.programs.ProcessWordCount;
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
