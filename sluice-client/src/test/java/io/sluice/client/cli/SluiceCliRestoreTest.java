package io.sluice.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.client.cli.programs.CountingProgram;
import io.sluice.client.cli.programs.RestoreSettingsProgram;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobInfo;
import io.sluice.runtime.dispatcher.JobNotFoundException;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.dispatcher.JobStatusMessage;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.rest.DispatcherRestEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run -s <path> [-n]}: the JobGraph the Dispatcher receives carries the restore
 * settings (REST endpoint around a recording Dispatcher); locally, the program's configuration has
 * them; {@code -n} alone is a usage error.
 */
class SluiceCliRestoreTest {
    @TempDir
    Path tmp;

    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private DispatcherRestEndpoint endpoint;
    private String address;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        endpoint = DispatcherRestEndpoint.start(dispatcher, null, conf, new BlobStore(tmp.resolve("blobs")));
        URI url = URI.create(endpoint.getRestBaseUrl());
        address = url.getHost() + ":" + url.getPort();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private int sluice(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new SluiceCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of())
                .execute(args);
    }

    private Path programsJar() throws Exception {
        return TestJars.create(tmp.resolve("programs.jar"), CountingProgram.class, null);
    }

    @Test
    void runDetachedFromSavepointWithAllowNonRestoredState_submitsAJobGraphThatRestores() throws Exception {
        int exit = sluice(
                "run",
                "-d",
                "-m",
                address,
                "-s",
                "/checkpoints/job-a/chk-12",
                "-n",
                "-c",
                CountingProgram.class.getName(),
                programsJar().toString(),
                "5");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(dispatcher.submitted).hasSize(1);
        JobGraph job = dispatcher.submitted.get(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Job has been submitted with JobID " + job.getJobId() + "\n");
        assertThat(job.getName()).isEqualTo("counting");
        assertThat(job.getSavepointRestoreSettings())
                .isEqualTo(SavepointRestoreSettings.forPath("/checkpoints/job-a/chk-12", true));
    }

    @Test
    void runDetachedWithLongOptionsAndWithoutN_restoresWithoutAllowingNonRestoredState() throws Exception {
        int exit = sluice(
                "run",
                "--detached",
                "--jobmanager",
                address,
                "--fromSavepoint",
                "/sp/savepoint-3",
                "-c",
                CountingProgram.class.getName(),
                programsJar().toString(),
                "5");

        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(dispatcher.submitted.get(0).getSavepointRestoreSettings())
                .isEqualTo(SavepointRestoreSettings.forPath("/sp/savepoint-3", false));
    }

    @Test
    void runDetachedWithoutS_submitsAJobGraphThatStartsEmpty() throws Exception {
        int exit = sluice(
                "run",
                "-d",
                "-m",
                address,
                "-c",
                CountingProgram.class.getName(),
                programsJar().toString(),
                "5");

        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(dispatcher.submitted.get(0).getSavepointRestoreSettings())
                .isEqualTo(SavepointRestoreSettings.none());
    }

    @Test
    void allowNonRestoredStateWithoutS_isAUsageError() throws Exception {
        int exit = sluice(
                "run",
                "-d",
                "-m",
                address,
                "-n",
                "-c",
                CountingProgram.class.getName(),
                programsJar().toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("sluice run: -n (--allowNonRestoredState) needs -s <path>, the checkpoint to start from\n");
        assertThat(dispatcher.submitted).isEmpty();
    }

    @Test
    void runLocalFromSavepoint_givesTheProgramTheRecoveryKeys() throws Exception {
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(programOut, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = sluice(
                    "run",
                    "--local",
                    "-s",
                    "/chk/chk-1",
                    "-n",
                    "-c",
                    RestoreSettingsProgram.class.getName(),
                    programsJar().toString());
        } finally {
            System.setOut(previous);
        }

        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(programOut.toString(StandardCharsets.UTF_8))
                .isEqualTo("path=/chk/chk-1 ignoreUnclaimed=true" + System.lineSeparator());
    }

    /** Accepts every job and keeps its JobGraph; knows no job otherwise. */
    private static final class RecordingDispatcher implements DispatcherGateway {
        final List<JobGraph> submitted = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
            submitted.add(jobGraph);
            return CompletableFuture.completedFuture(null);
        }

        private static <T> CompletableFuture<T> unknown(JobID jobId) {
            return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        }

        @Override
        public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<Void> cancelJob(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<Collection<JobStatusMessage>> listJobs() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<JobInfo> requestJobInfo(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<List<JobInfo>> requestJobInfos() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<CheckpointCoordinatorConfiguration> requestCheckpointConfig(JobID jobId) {
            return unknown(jobId);
        }

        @Override
        public CompletableFuture<Long> triggerCheckpoint(JobID jobId) {
            return unknown(jobId);
        }
    }
}
