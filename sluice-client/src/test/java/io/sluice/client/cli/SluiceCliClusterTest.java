package io.sluice.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import io.sluice.client.cli.programs.CountingProgram;
import io.sluice.client.cli.programs.FailingJobProgram;
import io.sluice.client.cli.programs.FailingProgram;
import io.sluice.client.cli.programs.UnboundedProgram;
import io.sluice.examples.WordCount;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run} (attached and detached), {@code list}, {@code status} and {@code cancel} against
 * an embedded cluster serving the REST API, driven in process through {@link SluiceCli}.
 */
class SluiceCliClusterTest {
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})\n");
    private static final String DATE = "\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d";
    private static final String RULE = "--------------------------------------------------------------\n";

    @TempDir
    Path tmp;

    private MiniCluster cluster;
    private String address;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> env = Map.of();

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.PORT, 0);
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .setConfiguration(conf)
                .build());
        cluster.start();
        URI url = URI.create(cluster.getRestBaseUrl());
        address = url.getHost() + ":" + url.getPort();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private int sluice(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new SluiceCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env)
                .execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path programsJar() throws IOException {
        return TestJars.create(tmp.resolve("programs.jar"), FailingProgram.class, null);
    }

    private static String submittedJobId(String out) {
        Matcher m = SUBMITTED.matcher(out);
        assertThat(m.lookingAt())
                .as("output starts with the submission line: %s", out)
                .isTrue();
        return m.group(1);
    }

    @Test
    void runAttached_wordCountOnTheCluster_writesTheExactCountsAndPrintsTheRuntime() throws Exception {
        Path input = tmp.resolve("input.txt");
        List<String> lines = SluiceCliTest.generateText(new Random(7), 300);
        Files.write(input, lines);
        Path output = tmp.resolve("out");
        Path jar = TestJars.create(tmp.resolve("examples.jar"), WordCount.class, WordCount.class.getName());

        int exit = sluice(
                "run",
                "-m",
                address,
                "-p",
                "2",
                jar.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString());

        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        String id = submittedJobId(out());
        assertThat(out())
                .matches("Job has been submitted with JobID " + id + "\n"
                        + "Program execution finished\n"
                        + "Job with JobID " + id + " has finished.\n"
                        + "Job Runtime: \\d+ ms\n");
        assertThat(SluiceCliTest.readCounts(output)).isEqualTo(SluiceCliTest.countWords(lines));
        try (Stream<Path> parts = Files.list(output)) {
            assertThat(parts.count()).as("one part file per subtask").isEqualTo(2);
        }
    }

    @Test
    void runAttached_printsTheAccumulatorResults() throws Exception {
        int exit = sluice(
                "run",
                "-m",
                address,
                "-c",
                CountingProgram.class.getName(),
                programsJar().toString(),
                "100");

        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        String id = submittedJobId(out());
        assertThat(out())
                .matches("Job has been submitted with JobID " + id + "\n"
                        + "Program execution finished\n"
                        + "Job with JobID " + id + " has finished.\n"
                        + "Job Runtime: \\d+ ms\n"
                        + "Accumulator Results: \n"
                        + "- sum \\(java.lang.Long\\): 5050\n");
    }

    @Test
    void runDetached_thenStatusListAndCancelOfAnUnboundedJob() throws Exception {
        int exit = sluice(
                "run",
                "-d",
                "-m",
                address,
                "-c",
                UnboundedProgram.class.getName(),
                programsJar().toString());

        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(SluiceCli.EXIT_OK);
        String id = submittedJobId(out());
        assertThat(out()).isEqualTo("Job has been submitted with JobID " + id + "\n");

        // The job is accepted before it runs; wait until its task is deployed.
        long deadline = System.nanoTime() + 30_000_000_000L;
        do {
            assertThat(sluice("status", "-m", address, id)).isEqualTo(SluiceCli.EXIT_OK);
            assertThat(System.nanoTime()).as("job RUNNING within 30 s").isLessThan(deadline);
        } while (!out().contains("(RUNNING)"));
        assertThat(out()).matches(DATE + " : " + id + " : unbounded \\(RUNNING\\)\nDuration: \\d+ ms\n");
        assertThat(err()).isEmpty();

        assertThat(sluice("list", "-m", address)).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out())
                .matches("------------------ Running/Restarting Jobs -------------------\n"
                        + DATE + " : " + id + " : unbounded \\(RUNNING\\)\n"
                        + RULE
                        + "No scheduled jobs.\n"
                        + "No terminated jobs.\n");

        assertThat(sluice("cancel", "-m", address, id)).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("Cancelling job " + id + ".\nCancelled job " + id + ".\n");

        assertThat(sluice("status", "-m", address, id)).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out()).matches(DATE + " : " + id + " : unbounded \\(CANCELED\\)\nDuration: \\d+ ms\n");

        assertThat(sluice("list", "-m", address)).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out())
                .matches("No running jobs.\n"
                        + "No scheduled jobs.\n"
                        + "---------------------- Terminated Jobs -----------------------\n"
                        + DATE + " : " + id + " : unbounded \\(CANCELED\\)\n"
                        + RULE);

        assertThat(sluice("cancel", "-m", address, id)).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
        assertThat(out()).isEmpty();
        assertThat(err())
                .isEqualTo("sluice cancel: job " + id + " already ended (CANCELED); there is nothing to cancel\n");
    }

    @Test
    void listWithoutDashM_usesRestAddressAndPortOfTheConfigurationInSluiceConfDir() throws Exception {
        Path confDir = Files.createDirectories(tmp.resolve("conf"));
        String[] hostPort = address.split(":");
        Files.writeString(
                confDir.resolve("sluice.yaml"), "rest:\n  address: " + hostPort[0] + "\n  port: " + hostPort[1] + "\n");
        env = Map.of("SLUICE_CONF_DIR", confDir.toString());

        assertThat(sluice("list")).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("No running jobs.\nNo scheduled jobs.\nNo terminated jobs.\n");
    }

    @Test
    void aConfigurationWithAnUnknownKey_exitsWithTwoNamingIt() throws Exception {
        Path confDir = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(confDir.resolve("sluice.yaml"), "rest.prot: 8081\n");
        env = Map.of("SLUICE_CONF_DIR", confDir.toString());

        assertThat(sluice("list")).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("sluice list: ").contains("rest.prot");
    }

    @Test
    void runAttached_jobThatFails_printsTheFailureWithItsCauseAndExitsWithOne() throws Exception {
        int exit = sluice(
                "run",
                "-m",
                address,
                "-c",
                FailingJobProgram.class.getName(),
                programsJar().toString());

        assertThat(exit).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
        String id = submittedJobId(out());
        assertThat(out()).isEqualTo("Job has been submitted with JobID " + id + "\n");
        List<String> errLines = err().lines().toList();
        assertThat(errLines.get(0)).isEqualTo("The program finished with the following exception:");
        assertThat(errLines.get(1)).isEmpty();
        assertThat(errLines.get(2))
                .isEqualTo("io.sluice.api.common.JobExecutionException: Job 'failing job' (" + id + ") failed: task"
                        + " 'Source: Sequence Source -> boom -> Sink: DiscardingSink (1/1)' on TaskManager tm-0 threw"
                        + " io.sluice.client.cli.programs.ProgramException: boom on 1");
        assertThat(errLines).contains("Caused by: io.sluice.client.cli.programs.ProgramException: boom on 1");

        assertThat(sluice("status", "-m", address, id)).isEqualTo(SluiceCli.EXIT_OK);
        assertThat(out())
                .matches(DATE + " : " + id + " : failing job \\(FAILED\\)\nDuration: \\d+ ms\n"
                        + "Root exception: io.sluice.client.cli.programs.ProgramException: boom on 1\n");
    }

    @Test
    void runAJarWhoseMainThrows_printsTheProgramsExceptionAndExitsWithOne() throws Exception {
        int exit = sluice(
                "run",
                "-m",
                address,
                "-c",
                FailingProgram.class.getName(),
                programsJar().toString(),
                "x",
                "y");

        assertThat(exit).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
        assertThat(out()).isEmpty();
        assertThat(err())
                .isEqualTo("The program failed: Could not execute application: " + FailingProgram.class.getName()
                        + ".main() threw java.lang.IllegalStateException: no input for x,y\n");
        // The cluster keeps serving.
        assertThat(sluice("list", "-m", address)).isEqualTo(SluiceCli.EXIT_OK);
    }

    @Test
    void statusAndCancelOfAnUnknownJobId_sayNoSuchJobAndExitWithOne() {
        String unknown = new JobID(1, 2).toHexString();
        for (String command : List.of("status", "cancel")) {
            assertThat(sluice(command, "-m", address, unknown)).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
            assertThat(out()).isEmpty();
            assertThat(err())
                    .isEqualTo("No job with id " + unknown
                            + " was submitted to this cluster; list the jobs to see the known ids\n");
        }
    }

    @Test
    void statusAndCancelOfAMalformedJobId_sayWhatAJobIdIsAndExitWithOne() {
        for (String command : List.of("status", "cancel")) {
            assertThat(sluice(command, "-m", address, "xyz")).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
            assertThat(out()).isEmpty();
            assertThat(err())
                    .isEqualTo("sluice " + command + ": 'xyz' is not a job id: expected 32 hex digits, as 'sluice"
                            + " list' shows them\n");
        }
    }

    @Test
    void unreachableCluster_saysWhereItLookedAndExitsWithOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String expected = "Could not reach the Sluice cluster at http://127.0.0.1:" + port
                + " (is it running? set -m host:port or rest.address/rest.port)\n";
        for (String[] args : List.of(
                new String[] {"list", "-m", "127.0.0.1:" + port},
                new String[] {"status", "-m", "127.0.0.1:" + port, new JobID(1, 2).toHexString()},
                new String[] {"cancel", "-m", "127.0.0.1:" + port, new JobID(1, 2).toHexString()},
                new String[] {
                    "run",
                    "-m",
                    "127.0.0.1:" + port,
                    "-c",
                    UnboundedProgram.class.getName(),
                    programsJar().toString()
                })) {
            assertThat(sluice(args)).as(String.join(" ", args)).isEqualTo(SluiceCli.EXIT_PROGRAM_FAILED);
            assertThat(out()).isEmpty();
            assertThat(err()).isEqualTo(expected);
        }
    }

    @Test
    void malformedDashM_exitsWithTwo() throws Exception {
        assertThat(sluice("list", "-m", "localhost")).isEqualTo(SluiceCli.EXIT_USAGE);
        assertThat(err())
                .isEqualTo("sluice list: -m must be host:port of the cluster's REST endpoint (for example"
                        + " 127.0.0.1:8081), was 'localhost'\n");
    }
}
