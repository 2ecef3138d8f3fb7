package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.dist.programs.FailingJob;
import io.sluice.dist.programs.ThrowingMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's cluster commands as a user runs them: {@code bin/sluice cluster start|stop},
 * {@code jobmanager}, {@code taskmanager} and {@code application}, each a separate process, against
 * a temporary {@code SLUICE_CONF_DIR} with free ports and a temporary {@code SLUICE_LOG_DIR}. Every
 * process a test starts is stopped after it, also when it fails.
 */
class SluiceClusterIT {
    private static final Path DIST = Path.of(System.getProperty("sluice.dist.dir", "target/sluice-dist"));
    private static final Path EXAMPLES_JAR = DIST.resolve("examples/sluice-examples.jar");
    private static final String JVM_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INPUT = List.of(
            "The river, the mill; THE wheel.", "", "o'er the gate -- water_wheel 42 times 42", "Mill\tRIVER river");
    private static final Map<String, Long> COUNTS = new TreeMap<>(Map.of(
            "the",
            4L,
            "river",
            3L,
            "mill",
            2L,
            "wheel",
            1L,
            "o",
            1L,
            "er",
            1L,
            "gate",
            1L,
            "water_wheel",
            1L,
            "42",
            2L,
            "times",
            1L));

    @TempDir
    Path tmp;

    private Path confDir;
    private Path logDir;
    private int restPort;
    private final List<Process> foreground = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int outputCounter;

    record Result(int exitCode, String stdout, String stderr) {}

    @BeforeEach
    void writeConfiguration() throws IOException {
        confDir = Files.createDirectories(tmp.resolve("conf"));
        logDir = tmp.resolve("log");
        restPort = freePort();
        Files.writeString(
                confDir.resolve("sluice.yaml"),
                "rest.port: " + restPort + "\n"
                        + "jobmanager.rpc.port: " + freePort() + "\n"
                        + "taskmanager.numberOfTaskSlots: 1\n"
                        + "parallelism.default: 1\n"
                        + "web.upload.dir: " + tmp.resolve("jars") + "\n");
        Files.writeString(confDir.resolve("workers"), "localhost\n");
    }

    /** Stops what a test left running: foreground processes, then the daemons of the pid files. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : foreground) {
            p.destroy();
        }
        for (Process p : foreground) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        for (long pid : pidsInPidFiles()) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().info().command().orElse("").endsWith("java")) {
                handle.get().destroyForcibly();
            }
        }
    }

    @Test
    void clusterStart_twoWorkers_runsWordCountOverRest_thenStopEndsEveryProcess() throws Exception {
        Files.writeString(confDir.resolve("workers"), "# the TaskManagers\nlocalhost\n\n127.0.0.1\n");

        Result start = sluice("cluster", "start");

        assertThat(start.exitCode()).as("stderr: %s", start.stderr()).isZero();
        assertThat(start.stdout())
                .contains("REST endpoint http://127.0.0.1:" + restPort + "\n")
                .contains("Started TaskManager 0 on localhost")
                .contains("Started TaskManager 1 on 127.0.0.1")
                .contains("Logs and pid files in " + logDir);
        List<String> pidFiles =
                List.of("sluice-jobmanager-0.pid", "sluice-taskmanager-0.pid", "sluice-taskmanager-1.pid");
        for (String name : pidFiles) {
            assertThat(logDir.resolve(name)).exists();
        }
        assertThat(pidsInPidFiles()).hasSize(3).allMatch(SluiceClusterIT::alive);
        awaitTaskManagers(2);
        assertThat(get("/overview").path("taskmanagers").asInt()).isEqualTo(2);

        Result second = sluice("cluster", "start");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.stderr())
                .startsWith("sluice cluster: a Sluice process is already running (pid ")
                .contains("stop it first with 'sluice cluster stop'");

        Path input = Files.write(tmp.resolve("input.txt"), INPUT);
        Path output = tmp.resolve("counts");
        String jarId = uploadJar(EXAMPLES_JAR);
        var request = JSON.createObjectNode().put("parallelism", 2);
        request.putArray("programArgsList")
                .add("--input")
                .add(input.toString())
                .add("--output")
                .add(output.toString());
        String jobId = post("/jars/" + jarId + "/run", request.toString())
                .path("jobid")
                .asText();
        assertThat(awaitTerminalState(jobId)).isEqualTo("FINISHED");
        assertThat(readCounts(output)).isEqualTo(COUNTS);

        // The client commands against the same cluster (found through SLUICE_CONF_DIR's rest.port).
        Path output2 = tmp.resolve("counts2");
        Result run = sluice(
                "run", "-p", "2", EXAMPLES_JAR.toString(), "--input", input.toString(), "--output", output2.toString());
        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout())
                .startsWith("Job has been submitted with JobID ")
                .contains("Program execution finished");
        assertThat(readCounts(output2)).isEqualTo(COUNTS);
        String unbounded = runDetachedSocketWordCountAndCancel();
        Result list = sluice("list");
        assertThat(list.exitCode()).as("stderr: %s", list.stderr()).isZero();
        assertThat(list.stdout()).contains(" : " + jobId + " : WordCount (FINISHED)", " : " + unbounded + " : ");

        // One more TaskManager daemon, then stop it again.
        Result moreStart = sluice("taskmanager", "start");
        assertThat(moreStart.exitCode()).as("stderr: %s", moreStart.stderr()).isZero();
        assertThat(moreStart.stdout()).startsWith("Started TaskManager 2 (pid ");
        assertThat(logDir.resolve("sluice-taskmanager-2.pid")).exists();
        awaitTaskManagers(3);
        long third = Long.parseLong(
                Files.readString(logDir.resolve("sluice-taskmanager-2.pid")).trim());
        Result moreStop = sluice("taskmanager", "stop");
        assertThat(moreStop.exitCode()).as("stderr: %s", moreStop.stderr()).isZero();
        assertThat(moreStop.stdout()).isEqualTo("Stopping sluice-taskmanager-2 (pid " + third + ")\n");
        assertThat(alive(third)).isFalse();
        assertThat(logDir.resolve("sluice-taskmanager-2.pid")).doesNotExist();
        awaitTaskManagers(2);

        List<Long> pids = pidsInPidFiles();
        Result stop = sluice("cluster", "stop");

        assertThat(stop.exitCode()).as("stderr: %s", stop.stderr()).isZero();
        assertThat(stop.stdout())
                .contains("Stopping sluice-taskmanager-0 (pid ")
                .contains("Stopping sluice-taskmanager-1 (pid ")
                .contains("Stopping sluice-jobmanager-0 (pid ")
                .endsWith("Sluice cluster stopped\n");
        assertThat(pids).noneMatch(SluiceClusterIT::alive);
        for (String name : pidFiles) {
            assertThat(logDir.resolve(name)).doesNotExist();
        }
        assertThat(logDir.resolve("sluice-jobmanager-0.log")).content().contains("JobManager stopped");

        Result again = sluice("cluster", "stop");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout())
                .isEqualTo("No Sluice cluster is running: no live process in the pid files of " + logDir + "\n");
    }

    /** {@code run -d} of an unbounded job, {@code status} while it runs, {@code cancel}; returns its id. */
    private String runDetachedSocketWordCountAndCancel() throws Exception {
        try (ServerSocket textServer = new ServerSocket(0)) {
            Result run = sluice(
                    "run",
                    "-d",
                    "-p",
                    "1",
                    "-c",
                    "io.sluice.examples.SocketWordCount",
                    EXAMPLES_JAR.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(textServer.getLocalPort()));
            assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
            assertThat(run.stdout()).matches("Job has been submitted with JobID [0-9a-f]{32}\n");
            String id = run.stdout().trim().substring("Job has been submitted with JobID ".length());
            awaitState(id, "RUNNING");

            Result status = sluice("status", id);
            assertThat(status.exitCode()).as("stderr: %s", status.stderr()).isZero();
            assertThat(status.stdout()).contains(" : " + id + " : ").contains("(RUNNING)");

            Result cancel = sluice("cancel", id);
            assertThat(cancel.exitCode()).as("stderr: %s", cancel.stderr()).isZero();
            assertThat(cancel.stdout()).contains("Cancelled job " + id + ".");
            assertThat(get("/jobs/" + id).path("state").asText()).isEqualTo("CANCELED");
            return id;
        }
    }

    @Test
    void clusterStart_remoteWorker_refusesAndStartsNothing() throws Exception {
        Files.writeString(confDir.resolve("workers"), "localhost\nworker-2.example.com\n");

        Result start = sluice("cluster", "start");

        assertThat(start.exitCode()).isEqualTo(2);
        assertThat(start.stderr())
                .startsWith("sluice cluster: " + confDir.resolve("workers") + " names host 'worker-2.example.com',"
                        + " but only localhost and 127.0.0.1 are supported");
        assertThat(pidsInPidFiles()).isEmpty();
    }

    @Test
    void clusterStart_badConfiguration_exitsWithOneAndTheJobManagersMessage() throws Exception {
        Path file = confDir.resolve("sluice.yaml");
        Files.writeString(file, "rest.port: " + restPort + "\nrest.bogus-option: 3\n");

        Result start = sluice("cluster", "start");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.stderr())
                .isEqualTo("sluice cluster: the JobManager exited during start; the end of "
                        + logDir.resolve("sluice-jobmanager-0.log") + ":\n"
                        + "sluice jobmanager: invalid configuration: Unknown configuration key 'rest.bogus-option'"
                        + " in " + file + ", line 2. docs/configuration.md lists every option.\n");
        assertThat(pidsInPidFiles()).isEmpty();
    }

    @Test
    void jobManager_configWithAnUnknownKey_exitsWithOneNamingKeyFileAndLine() throws Exception {
        Path file = confDir.resolve("sluice.yaml");
        Files.writeString(file, "rest.port: " + restPort + "\n# a comment\nrest.bogus-option: 3\n");

        Result r = sluice("jobmanager");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr())
                .isEqualTo("sluice jobmanager: invalid configuration: Unknown configuration key 'rest.bogus-option'"
                        + " in " + file + ", line 3. docs/configuration.md lists every option.\n");
    }

    @Test
    void application_wordCountWithOneTaskManager_exitsZeroWithExactOutput() throws Exception {
        Path input = Files.write(tmp.resolve("input.txt"), INPUT);
        Path output = tmp.resolve("counts");
        // The TaskManager retries its registration until the application's JobManager is up.
        foreground.add(launch("taskmanager"));

        Result r = sluice(
                "application", EXAMPLES_JAR.toString(), "--input", input.toString(), "--output", output.toString());

        assertThat(r.exitCode()).as("stderr: %s", r.stderr()).isZero();
        assertThat(r.stdout())
                .startsWith("Sluice application io.sluice.examples.WordCount from " + EXAMPLES_JAR
                        + ": JobManager REST http://127.0.0.1:" + restPort + ", RPC sluice://127.0.0.1:")
                .containsPattern("\nJob 'WordCount' \\([0-9a-f]{32}\\) finished in \\d+ ms\n$");
        assertThat(readCounts(output)).isEqualTo(COUNTS);
        // The application's JobManager stopped: its REST port is free again.
        try (ServerSocket socket = new ServerSocket(restPort)) {
            assertThat(socket.getLocalPort()).isEqualTo(restPort);
        }
    }

    @Test
    void application_mainThrows_exitsWithOneAndTheException() throws Exception {
        Path jar = jarOf(tmp.resolve("throwing.jar"), ThrowingMain.class);

        Result r = sluice("application", "-c", ThrowingMain.class.getName(), jar.toString(), "--input", "x");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr())
                .contains("sluice application: Could not execute application: " + ThrowingMain.class.getName()
                        + ".main() threw java.lang.IllegalStateException: " + ThrowingMain.MESSAGE + "\n");
    }

    @Test
    void application_jobFails_exitsWithOneAndTheJobsFailure() throws Exception {
        Path jar = jarOf(tmp.resolve("failing.jar"), FailingJob.class);
        foreground.add(launch("taskmanager"));

        Result r = sluice("application", "-c", FailingJob.class.getName(), jar.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr())
                .containsPattern("sluice application: Could not execute application: " + FailingJob.class.getName()
                        + "\\.main\\(\\) threw io\\.sluice\\.api\\.common\\.JobExecutionException: Job 'FailingJob'"
                        + " \\([0-9a-f]{32}\\) failed: .*" + FailingJob.MESSAGE + "\n");
    }

    @Test
    void application_jobSubmittedAsyncFails_exitsWithOneAndTheJobsFailure() throws Exception {
        Path jar = jarOf(tmp.resolve("failing.jar"), FailingJob.class);
        foreground.add(launch("taskmanager"));

        Result r = sluice("application", "-c", FailingJob.class.getName(), jar.toString(), "async");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr())
                .containsPattern("sluice application: Job 'FailingJob' \\([0-9a-f]{32}\\) is FAILED \\(task .*\\): .*"
                        + FailingJob.MESSAGE + "\n");
    }

    @Test
    void application_withoutJar_exitsWithTwoAndTheUsage() throws Exception {
        Result r = sluice("application", "-p", "2");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr())
                .isEqualTo("sluice application: no jar given; usage: sluice application [-p N] [-c class]"
                        + " [-Dkey=value ...] <jar> [args...]\n");
    }

    // ------------------------------------------------------------------ processes

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin/sluice").toString());
        command.addAll(List.of(args));
        String name = args[0] + "-" + outputCounter++;
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(tmp.toFile())
                .redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS", JVM_OPTS);
        pb.environment().put("SLUICE_CONF_DIR", confDir.toString());
        pb.environment().put("SLUICE_LOG_DIR", logDir.toString());
        pb.environment().remove("SLUICE_HOME");
        pb.environment().remove("SLUICE_LOG_FILE");
        pb.environment().remove("SLUICE_LOG_LEVEL");
        return pb.start();
    }

    private Result sluice(String... args) throws IOException, InterruptedException {
        int n = outputCounter;
        Process process = launch(args);
        Path stdout = tmp.resolve(args[0] + "-" + n + ".out");
        Path stderr = tmp.resolve(args[0] + "-" + n + ".err");
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/sluice " + String.join(" ", args) + " did not end within 120 s; stderr:\n"
                    + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private List<Long> pidsInPidFiles() throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(logDir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                pids.add(Long.parseLong(Files.readString(f).trim()));
            }
        }
        return pids;
    }

    /** Whether the process runs: exists and is not a zombie waiting for init to reap it. */
    private static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ REST

    private String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String uploadJar(Path jar) throws Exception {
        String boundary = "----sluiceClusterIT";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("upload: %s", r.body()).isEqualTo(200);
        String filename = JSON.readTree(r.body()).path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    private void awaitTaskManagers(int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int registered = -1;
        while (System.nanoTime() < deadline) {
            registered = get("/overview").path("taskmanagers").asInt();
            if (registered == n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(registered + " TaskManagers registered, not " + n + "; logs in " + logDir);
    }

    private void awaitState(String jobId, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            state = get("/jobs/" + jobId).path("state").asText();
            if (state.equals(wanted)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "Job " + jobId + " is " + state + " after 60 s, not " + wanted + "; logs in " + logDir);
    }

    private String awaitTerminalState(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            state = get("/jobs/" + jobId).path("state").asText();
            if (state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED")) {
                if (!state.equals("FINISHED")) {
                    throw new AssertionError(
                            "Job " + jobId + " is " + state + ": " + get("/jobs/" + jobId + "/exceptions"));
                }
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " is " + state + " after 60 s; logs in " + logDir);
    }

    // ------------------------------------------------------------------ files

    /** The {@code word count} lines of every part file under {@code dir}; each word in one part only. */
    private static Map<String, Long> readCounts(Path dir) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.sorted().toList()) {
                for (String line : Files.readAllLines(part)) {
                    String[] fields = line.split(" ");
                    assertThat(fields).as("line '%s' of %s", line, part).hasSize(2);
                    assertThat(counts.put(fields[0], Long.parseLong(fields[1])))
                            .as("'%s' in two part files", fields[0])
                            .isNull();
                }
            }
        }
        return counts;
    }

    /** Packs the test classes of {@code anyClass}'s package into a jar without a Main-Class. */
    private static Path jarOf(Path jar, Class<?> anyClass) throws IOException {
        Path root;
        try {
            root = Path.of(
                    anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packageDir = anyClass.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(root.resolve(packageDir))) {
            for (Path c : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
