package io.sluice.client.cli;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.client.rest.ClusterUnreachableException;
import io.sluice.client.rest.RestClientException;
import io.sluice.client.rest.RestClusterClient;
import io.sluice.client.rest.RestJobClient;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

/**
 * {@code sluice run} against a cluster: uploads the jar, runs its {@code main} on the cluster (where
 * {@code getExecutionEnvironment()} submits to that cluster), prints the job id, and, attached,
 * waits for the job through a {@link RestJobClient} and prints its result or its failure.
 *
 * <p>Output follows Flink's CLI: {@code Job has been submitted with JobID <id>}, then {@code Program
 * execution finished}, {@code Job with JobID <id> has finished.} and {@code Job Runtime: <n> ms}
 * (and the accumulator results, if any); a failure goes to standard error after {@code The program
 * finished with the following exception:}, with its cause chain.
 */
final class RemoteRun {
    private final PrintStream out;
    private final PrintStream err;

    RemoteRun(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(
            URI url,
            Path jar,
            JarProgram program,
            List<String> args,
            Integer parallelism,
            SavepointRestoreSettings restore,
            boolean detached) {
        try (RestClusterClient client = new RestClusterClient(url)) {
            String jarId;
            try {
                jarId = client.uploadJar(jar).join();
            } catch (CompletionException e) {
                return failed(e.getCause() == null ? e : e.getCause(), "sluice run: could not upload '" + jar + "': ");
            }
            JobID jobId;
            try {
                jobId = client.runJar(jarId, program.mainClassName(), args, parallelism, restore)
                        .join();
            } catch (CompletionException e) {
                return failed(e.getCause() == null ? e : e.getCause(), "The program failed: ");
            }
            out.println("Job has been submitted with JobID " + jobId);
            if (detached) {
                return SluiceCli.EXIT_OK;
            }
            JobExecutionResult result;
            try {
                result = new RestJobClient(client, jobId, program.classLoader())
                        .getJobExecutionResult()
                        .join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof JobExecutionException j && j.getFinalStatus() == JobStatus.CANCELED) {
                    err.println(j.getMessage());
                    return SluiceCli.EXIT_PROGRAM_FAILED;
                }
                if (cause instanceof JobExecutionException) {
                    err.println("The program finished with the following exception:");
                    err.println();
                    cause.printStackTrace(err);
                    return SluiceCli.EXIT_PROGRAM_FAILED;
                }
                return failed(cause, "Waiting for job " + jobId + " failed: ");
            }
            out.println("Program execution finished");
            out.println("Job with JobID " + jobId + " has finished.");
            out.println("Job Runtime: " + result.getNetRuntime() + " ms");
            Map<String, Object> accumulators = new TreeMap<>(result.getAllAccumulatorResults());
            if (!accumulators.isEmpty()) {
                out.println("Accumulator Results: ");
                accumulators.forEach((name, value) -> out.println("- " + name + " ("
                        + (value == null ? "null" : value.getClass().getName()) + "): " + value));
            }
            return SluiceCli.EXIT_OK;
        }
    }

    /** The cluster refused or could not be reached: its message is the whole story. */
    private int failed(Throwable cause, String prefix) {
        if (cause instanceof ClusterUnreachableException) {
            err.println(cause.getMessage());
        } else if (cause instanceof RestClientException) {
            err.println(prefix + cause.getMessage());
        } else {
            err.println(prefix + cause);
            cause.printStackTrace(err);
        }
        return SluiceCli.EXIT_PROGRAM_FAILED;
    }
}
