package io.sluice.runtime.e2e.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.entrypoint.JobManagerProcess;
import io.sluice.runtime.entrypoint.TaskManagerProcess;
import java.io.ByteArrayOutputStream;
import java.io.File;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JobManager and TaskManagers as separate JVMs on 127.0.0.1, for process tests. The JVMs get the
 * runtime's class path without the test classes, so job classes reach them only through the
 * uploaded jar. Each process logs to its own file in the work directory; a failing test's message
 * points there.
 */
final class ProcessCluster implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final Path confDir;
    private final String classPath;
    private final int restPort;
    private Process jobManager;
    private final List<Process> taskManagers = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int logCounter;

    private ProcessCluster(Path workDir, Path confDir, String classPath, int restPort) throws IOException {
        this.workDir = workDir;
        this.confDir = confDir;
        this.classPath = classPath;
        this.restPort = restPort;
        this.jobManager = launch(JobManagerProcess.class, "jobmanager");
    }

    /** Starts the JobManager and {@code taskManagers} TaskManagers; returns when all registered. */
    static ProcessCluster start(Path workDir, int taskManagers, Map<String, String> config) throws Exception {
        Path confDir = Files.createDirectories(workDir.resolve("conf"));
        int restPort = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("rest.port", String.valueOf(restPort));
        all.put("jobmanager.rpc.port", String.valueOf(freePort()));
        all.put("taskmanager.numberOfTaskSlots", "2");
        all.put("web.upload.dir", workDir.resolve("jars").toString());
        all.putAll(config);
        Files.writeString(
                confDir.resolve("sluice.yaml"),
                all.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(
                workDir.resolve("logback.xml"),
                """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        ProcessCluster cluster = new ProcessCluster(workDir, confDir, runtimeClassPath(), restPort);
        try {
            cluster.awaitRest(Duration.ofSeconds(30));
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(30));
            return cluster;
        } catch (Throwable t) {
            cluster.close();
            throw t;
        }
    }

    /**
     * Kills the JobManager with SIGKILL and starts a new one with the same configuration (same RPC
     * and REST ports); returns when the new one's REST endpoint answers.
     */
    void restartJobManager() throws Exception {
        jobManager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        jobManager = launch(JobManagerProcess.class, "jobmanager");
        awaitRest(Duration.ofSeconds(30));
    }

    /** Starts one more TaskManager JVM (it registers in the background). */
    Process startTaskManager() throws IOException {
        Process p = launch(TaskManagerProcess.class, "taskmanager-" + taskManagers.size());
        taskManagers.add(p);
        return p;
    }

    List<Process> taskManagers() {
        return List.copyOf(taskManagers);
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    Path workDir() {
        return workDir;
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    record Reply(int status, String body) {}

    /** Any request; the answer as it came. */
    Reply request(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** Uploads {@code content} as a jar named {@code filename}; the answer as it came. */
    Reply upload(String filename, byte[] content) throws Exception {
        String boundary = "----sluiceProcessTest";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** Uploads the jar; returns its id. */
    String uploadJar(Path jar) throws Exception {
        Reply r = upload(jar.getFileName().toString(), Files.readAllBytes(jar));
        if (r.status() != 200) {
            throw new IllegalStateException("Upload answered " + r.status() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("filename").asText();
    }

    /** Runs the jar's {@code entryClass} at {@code parallelism} (null: the cluster's default) with {@code args}; returns the job id. */
    String runJar(String jarId, String entryClass, Integer parallelism, List<String> args) throws Exception {
        var request = JSON.createObjectNode().put("entryClass", entryClass);
        if (parallelism != null) {
            request.put("parallelism", parallelism);
        }
        var array = request.putArray("programArgsList");
        args.forEach(array::add);
        return post("/jars/" + jarId + "/run", request.toString()).get("jobid").asText();
    }

    /** Waits until the job's state is one of {@code states}; fails with the job's details otherwise. */
    String awaitJobState(String jobId, Set<String> states, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            state = get("/jobs/" + jobId).path("state").asText();
            if (states.contains(state)) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " is " + state + " after " + timeout + ", not " + states
                + "; exceptions: " + get("/jobs/" + jobId + "/exceptions") + "; logs in " + workDir);
    }

    /** Fails with the job's exceptions and the logs of every process unless the job finished. */
    void assertFinished(String jobId) throws Exception {
        String state = get("/jobs/" + jobId).path("state").asText();
        if (!state.equals("FINISHED")) {
            StringBuilder logs = new StringBuilder();
            try (Stream<Path> files = Files.list(workDir)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log"))
                        .sorted()
                        .toList()) {
                    logs.append("\n==== ").append(log.getFileName()).append('\n');
                    String text = Files.readString(log);
                    logs.append(text, Math.max(0, text.length() - 6000), text.length());
                }
            }
            throw new AssertionError("Job " + jobId + " is " + state + ", not FINISHED; exceptions: "
                    + get("/jobs/" + jobId + "/exceptions").toPrettyString() + logs);
        }
    }

    /** Waits until exactly {@code n} TaskManagers are registered. */
    void awaitTaskManagers(int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int registered = -1;
        while (System.nanoTime() < deadline) {
            registered = get("/taskmanagers").path("taskmanagers").size();
            if (registered == n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                registered + " TaskManagers registered after " + timeout + ", not " + n + "; logs in " + workDir);
    }

    private void awaitRest(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jobManager.isAlive()) {
                throw new AssertionError("The JobManager exited with " + jobManager.exitValue() + ": "
                        + Files.readString(workDir.resolve("jobmanager.log")));
            }
            try {
                get("/overview");
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("The JobManager's REST endpoint did not come up in " + timeout + "; see " + workDir);
    }

    private Process launch(Class<?> main, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + workDir.resolve("logback.xml"),
                "-cp",
                classPath,
                main.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        workDir.resolve(name + "-" + logCounter++ + ".log").toFile());
        builder.environment().put("SLUICE_CONF_DIR", confDir.toString());
        Process p = builder.start();
        if (name.equals("jobmanager")) {
            // A stable name for the JobManager's log.
            Files.deleteIfExists(workDir.resolve("jobmanager.log"));
            Files.createSymbolicLink(
                    workDir.resolve("jobmanager.log"), workDir.resolve(name + "-" + (logCounter - 1) + ".log"));
        }
        return p;
    }

    /** Stops every process: SIGTERM, then SIGKILL after 5 s. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(taskManagers);
        all.add(jobManager);
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The test JVM's class path without test classes (target/test-classes). */
    private static String runtimeClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A copy of {@code jar} (next to it, "-2" appended) with one more entry holding {@code file}. */
    static Path withEntry(Path jar, String entryName, Path file) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-2.jar"));
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), in.getManifest())) {
            for (JarEntry e : in.stream()
                    .filter(e -> !e.getName().startsWith("META-INF/"))
                    .toList()) {
                out.putNextEntry(new JarEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(entryName));
            Files.copy(file, out);
            out.closeEntry();
        }
        return copy;
    }

    /** Packs the classes of {@code anyClass}'s package from the test classes into a jar. */
    static Path jarOf(Path jar, Class<?> anyClass) throws IOException {
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
