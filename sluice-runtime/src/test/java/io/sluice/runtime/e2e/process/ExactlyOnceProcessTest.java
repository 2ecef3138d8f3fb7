package io.sluice.runtime.e2e.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.runtime.e2e.process.programs.ExactlyOnceJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once under {@code kill -9}: one JobManager and three TaskManager JVMs run
 * {@link ExactlyOnceJob} (windows, a keyed process function with timers and state, operator list
 * state, the exactly-once FileSink) with checkpoints every 200 ms. Five times, at a random moment
 * after the job made progress, a random TaskManager is killed with SIGKILL and a replacement is
 * started. The committed output, sorted, must equal a fault-free run's line for line.
 */
class ExactlyOnceProcessTest {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceProcessTest.class);
    private static final int PARALLELISM = 3;
    private static final int KILLS = 5;
    /**
     * 1.5 M numbers. The throttle (2 ms after every 50 records) lets a subtask read at most 25,000
     * per second, so the job runs at least 20 s on any machine, longer than five kill cycles.
     */
    private static final long N = PARALLELISM * ExactlyOnceJob.BLOCK * 10_000L;

    @TempDir
    Path tmp;

    @Test
    void fiveTaskManagersKilledAtRandomMoments_theCommittedOutputEqualsAFaultFreeRun() throws Exception {
        Map<String, String> config = Map.of(
                "heartbeat.interval", "300 ms",
                "heartbeat.timeout", "3 s",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "100",
                "restart-strategy.fixed-delay.delay", "300 ms");
        Random random = new Random();
        List<String> kills = new ArrayList<>();
        Path out = tmp.resolve("out");
        try (ProcessCluster cluster = ProcessCluster.start(tmp, 3, config)) {
            String jarId = cluster.uploadJar(ProcessCluster.jarOf(tmp.resolve("job.jar"), ExactlyOnceJob.class));
            String jobId = cluster.runJar(
                    jarId,
                    ExactlyOnceJob.class.getName(),
                    PARALLELISM,
                    List.of(
                            out.toString(),
                            String.valueOf(N),
                            String.valueOf(PARALLELISM),
                            "200",
                            tmp.resolve("checkpoints").toString(),
                            "EXACTLY_ONCE",
                            "50",
                            "2",
                            "0"));
            long lastCheckpoint = 0;
            for (int k = 0; k < KILLS; k++) {
                // Progress first: a checkpoint completed since the last restart.
                lastCheckpoint = awaitCheckpointAfter(cluster, jobId, lastCheckpoint, Duration.ofSeconds(60));
                Thread.sleep(200 + random.nextInt(1500));
                List<Process> alive =
                        cluster.taskManagers().stream().filter(Process::isAlive).toList();
                Process victim = alive.get(random.nextInt(alive.size()));
                victim.destroyForcibly().waitFor();
                kills.add("kill " + (k + 1) + " after checkpoint " + lastCheckpoint + ": pid " + victim.pid());
                LOG.info("{}", kills.get(kills.size() - 1));
                cluster.startTaskManager();
            }
            assertThat(cluster.get("/jobs/" + jobId).path("state").asText())
                    .as("the job must still run after %d kills (make it longer otherwise)", KILLS)
                    .isIn("RUNNING", "RESTARTING", "CREATED");
            cluster.awaitJobState(jobId, Set.of("FINISHED", "FAILED", "CANCELED"), Duration.ofSeconds(240));
            cluster.assertFinished(jobId);
        }
        assertThat(kills).hasSize(KILLS);

        List<String> committed = ExactlyOnceJob.committedOutput(out);
        List<String> faultFree = faultFreeRun();
        assertThat(ExactlyOnceJob.difference(ExactlyOnceJob.expectedOutput(N), faultFree))
                .as("fault-free output against the computed one")
                .isEmpty();
        assertThat(ExactlyOnceJob.difference(faultFree, committed))
                .as("output with %d kills against the fault-free run", KILLS)
                .isEmpty();
    }

    /** The same job, no failures, no throttling, on an embedded cluster. */
    private List<String> faultFreeRun() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        Path out = tmp.resolve("fault-free");
        ExactlyOnceJob.build(
                env,
                out,
                N,
                PARALLELISM,
                200,
                tmp.resolve("fault-free-checkpoints").toString(),
                CheckpointingMode.EXACTLY_ONCE,
                0,
                0,
                0);
        env.execute("fault-free");
        return ExactlyOnceJob.committedOutput(out);
    }

    /** Waits until a checkpoint newer than {@code after} completed; returns its id. */
    private static long awaitCheckpointAfter(ProcessCluster cluster, String jobId, long after, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode stats = cluster.get("/jobs/" + jobId + "/checkpoints");
            long latest = stats.path("latest").path("completed").path("id").asLong(0);
            if (latest > after) {
                return latest;
            }
            String state = cluster.get("/jobs/" + jobId).path("state").asText();
            if (!Set.of("RUNNING", "RESTARTING", "CREATED").contains(state)) {
                throw new AssertionError("Job " + jobId + " is " + state + " while waiting for a checkpoint after "
                        + after + ": " + cluster.get("/jobs/" + jobId + "/exceptions"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "No checkpoint after " + after + " within " + timeout + "; logs in " + cluster.workDir());
    }
}
