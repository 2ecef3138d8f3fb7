package io.sluice.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.client.cli.TestJars;
import io.sluice.client.cli.programs.CountingProgram;
import io.sluice.client.cli.programs.FailingJobProgram;
import io.sluice.client.cli.programs.UnboundedProgram;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RestJobClient} and {@link RestClusterClient} against an embedded cluster serving the REST API. */
class RestJobClientTest {
    @TempDir
    Path tmp;

    private MiniCluster cluster;
    private RestClusterClient client;
    private URLClassLoader userLoader;
    private String jarId;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.PORT, 0);
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build());
        cluster.start();
        client = new RestClusterClient(URI.create(cluster.getRestBaseUrl()));
        Path jar = TestJars.create(tmp.resolve("programs.jar"), CountingProgram.class, null);
        userLoader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        jarId = client.uploadJar(jar).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopCluster() throws Exception {
        client.close();
        cluster.close();
        userLoader.close();
    }

    private RestJobClient run(Class<?> program, String... args) throws Exception {
        JobID id = client.runJar(jarId, program.getName(), List.of(args), null).get(30, TimeUnit.SECONDS);
        return new RestJobClient(client, id, userLoader);
    }

    @Test
    void finishedJob_resultHasTheAccumulatorsAndStatusIsFinished() throws Exception {
        RestJobClient job = run(CountingProgram.class, "1000");

        JobExecutionResult result = job.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        assertThat(result.getJobID()).isEqualTo(job.getJobID());
        assertThat(result.getAllAccumulatorResults()).isEqualTo(Map.of("sum", 500_500L));
        assertThat(result.getNetRuntime()).isGreaterThanOrEqualTo(0);
        assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        assertThat(client.listJobs().get(30, TimeUnit.SECONDS))
                .extracting(j -> j.id() + " " + j.status())
                .containsExactly(job.getJobID().toHexString() + " FINISHED");
    }

    @Test
    void failedJob_failsWithJobExecutionExceptionCarryingTheUsersOwnException() throws Exception {
        RestJobClient job = run(FailingJobProgram.class);

        Throwable thrown = catchThrowable(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class);
        JobExecutionException failure = (JobExecutionException) thrown.getCause();
        assertThat(failure.getJobID()).isEqualTo(job.getJobID());
        assertThat(failure.getFinalStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(failure.getMessage())
                .isEqualTo("Job 'failing job' (" + job.getJobID() + ") failed: task 'Source: Sequence Source -> boom"
                        + " -> Sink: DiscardingSink (1/1)' on TaskManager tm-0 threw"
                        + " io.sluice.client.cli.programs.ProgramException: boom on 1");
        // Rebuilt with the user's class loader: the user's own exception type, message and stack.
        assertThat(failure.getCause().getClass().getName()).isEqualTo("io.sluice.client.cli.programs.ProgramException");
        assertThat(failure.getCause()).hasMessage("boom on 1");
        assertThat(failure.getCause().getStackTrace()[0].getClassName())
                .isEqualTo(FailingJobProgram.class.getName() + "$Boom");
        assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.FAILED);
        assertThat(client.getJobExceptions(job.getJobID())
                        .get(30, TimeUnit.SECONDS)
                        .rootException())
                .startsWith("io.sluice.client.cli.programs.ProgramException: boom on 1\n");
    }

    @Test
    void cancelledJob_failsWithJobExecutionExceptionSayingItWasCancelled() throws Exception {
        RestJobClient job = run(UnboundedProgram.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (job.getJobStatus().get(30, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            assertThat(System.nanoTime()).as("RUNNING within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(client.requestJobResult(job.getJobID()).get(30, TimeUnit.SECONDS))
                .as("no result while it runs")
                .isEmpty();

        job.cancel().get(30, TimeUnit.SECONDS);
        Throwable thrown = catchThrowable(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS));

        JobExecutionException failure = (JobExecutionException) thrown.getCause();
        assertThat(failure.getFinalStatus()).isEqualTo(JobStatus.CANCELED);
        assertThat(failure).hasMessage("Job 'unbounded' (" + job.getJobID() + ") was cancelled.");
        assertThat(failure.getCause()).isNull();
        assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void unknownJob_failsWithTheClustersNotFoundMessage() {
        JobID unknown = new JobID(7, 7);
        RestJobClient job = new RestJobClient(client, unknown, userLoader);

        Throwable thrown = catchThrowable(() -> job.getJobExecutionResult().get(30, TimeUnit.SECONDS));

        assertThat(thrown.getCause())
                .isInstanceOf(RestClientException.class)
                .hasMessage("No job with id " + unknown
                        + " was submitted to this cluster; list the jobs to see the known ids");
        assertThat(((RestClientException) thrown.getCause()).getStatus()).isEqualTo(404);
    }

    @Test
    void unreachableCluster_failsSayingWhereItLooked() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestJobClient job = new RestJobClient(new RestClusterClient("127.0.0.1", port), new JobID(1, 1), userLoader);

        for (Throwable thrown : List.of(
                catchThrowable(() -> job.getJobStatus().get(30, TimeUnit.SECONDS)),
                catchThrowable(() -> job.getJobExecutionResult().get(30, TimeUnit.SECONDS)),
                catchThrowable(() -> job.cancel().get(30, TimeUnit.SECONDS)))) {
            assertThat(thrown.getCause())
                    .isInstanceOf(ClusterUnreachableException.class)
                    .hasMessage("Could not reach the Sluice cluster at http://127.0.0.1:" + port
                            + " (is it running? set -m host:port or rest.address/rest.port)");
        }
    }
}
