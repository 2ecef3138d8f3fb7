package io.sluice.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.configuration.MemorySize;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /jars/upload, GET /jars, POST /jars/:jarid/run and DELETE /jars/:jarid on a MiniCluster, over HTTP. */
class JarRoutesTest {
    private static final int MAX_BODY = 64 * 1024;

    private static final String WRITE_SEQUENCE = "package userjob;\n"
            + "import io.sluice.api.connector.sink.*;\n"
            + "import io.sluice.api.environment.StreamExecutionEnvironment;\n"
            + "import io.sluice.api.functions.MapFunction;\n"
            + "import java.io.*;\n"
            + "import java.nio.file.*;\n"
            + "public class WriteSequence {\n"
            + "  public static class Square implements MapFunction<Long, Long> {\n"
            + "    public Long map(Long v) { return v * v; }\n"
            + "  }\n"
            + "  public static class FileLines implements Sink<Long> {\n"
            + "    private final String path;\n"
            + "    public FileLines(String path) { this.path = path; }\n"
            + "    public SinkWriter<Long> createWriter(WriterInitContext context) throws IOException {\n"
            + "      StringBuilder lines = new StringBuilder();\n"
            + "      lines.append(\"loader=\").append(getClass().getClassLoader().getClass().getSimpleName())"
            + ".append('\\n');\n"
            + "      return new SinkWriter<Long>() {\n"
            + "        public void write(Long v, Context c) { lines.append(v).append('\\n'); }\n"
            + "        public void flush(boolean end) {}\n"
            + "        public void close() throws IOException {\n"
            + "          Files.writeString(Path.of(path), lines.toString());\n"
            + "        }\n"
            + "      };\n"
            + "    }\n"
            + "  }\n"
            + "  public static void main(String[] args) throws Exception {\n"
            + "    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();\n"
            + "    env.fromSequence(1, Long.parseLong(args[1])).map(new Square()).sinkTo(new FileLines(args[0]));\n"
            + "    env.execute(\"user job\");\n"
            + "  }\n"
            + "}\n";

    private static final String THROWER = "package userjob;\n"
            + "public class Thrower {\n"
            + "  public static void main(String[] args) {\n"
            + "    throw new IllegalStateException(\"boom: the program refuses to run\");\n"
            + "  }\n"
            + "}\n";

    @TempDir
    Path tmp;

    private MiniCluster cluster;
    private RestClient rest;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path jar;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        conf.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MemorySize.parse(MAX_BODY + "b"));
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build());
        cluster.start();
        rest = new RestClient(cluster.getRestBaseUrl());
        jar = buildJar(
                tmp.resolve("job.jar"),
                Map.of("userjob.WriteSequence", WRITE_SEQUENCE, "userjob.Thrower", THROWER),
                "userjob.WriteSequence");
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void uploadListRunDelete() throws Exception {
        RestClient.Reply upload = upload("job.jar", Files.readAllBytes(jar));
        assertThat(upload.status()).isEqualTo(200);
        String id = upload.json().get("filename").asText();
        assertThat(id).matches("[0-9a-f]{64}_job\\.jar");
        assertThat(upload.json().get("status").asText()).isEqualTo("success");
        assertThat(RestClient.fieldNames(upload.json())).containsExactly("filename", "status");

        JsonNode files = rest.get("/jars").json().get("files");
        assertThat(files).hasSize(1);
        assertThat(RestClient.fieldNames(files.get(0))).containsExactly("id", "name", "uploaded", "entry");
        assertThat(files.get(0).get("id").asText()).isEqualTo(id);
        assertThat(files.get(0).get("name").asText()).isEqualTo("job.jar");
        assertThat(files.get(0).get("uploaded").asLong()).isPositive();
        assertThat(files.get(0).get("entry").get(0).get("name").asText()).isEqualTo("userjob.WriteSequence");
        assertThat(files.get(0).get("entry").get(0).get("description").isNull()).isTrue();

        Path out = tmp.resolve("out.txt");
        String jobId = runAndAwait(id, "{\"programArgsList\": [\"" + out + "\", \"5\"], \"parallelism\": 1}");
        assertThat(Files.readString(out)).isEqualTo("loader=ChildFirstClassLoader\n1\n4\n9\n16\n25\n");
        assertThat(jobId).matches("[0-9a-f]{32}");
        TaskExecutor te = cluster.getTaskExecutors().get(0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> te.getNumberOfJobsWithUserCodeClassLoader() == 0);

        // programArgs as one string, in the query.
        Path out2 = tmp.resolve("out2.txt");
        runAndAwait(id + "/run?parallelism=1&programArgs=" + out2 + "%203", "");
        assertThat(Files.readString(out2)).isEqualTo("loader=ChildFirstClassLoader\n1\n4\n9\n");

        RestClient.Reply delete = rest.send("DELETE", "/jars/" + id, null);
        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.json().toString()).isEqualTo("{}");
        assertThat(rest.get("/jars").json().toString()).isEqualTo("{\"files\":[]}");
    }

    /**
     * The same jar run 50 times on one cluster: each run gets its own class loader, released when
     * the job ends, so the user classes unload and the loaded-class count and metaspace stay
     * bounded instead of growing with every run.
     */
    @Test
    void fiftyRunsOfTheSameJar_keepLoadedClassesAndMetaspaceBounded() throws Exception {
        String id = upload("job.jar", Files.readAllBytes(jar))
                .json()
                .get("filename")
                .asText();
        Path out = tmp.resolve("out.txt");
        String body = "{\"programArgsList\": [\"" + out + "\", \"3\"], \"parallelism\": 1}";
        TaskExecutor te = cluster.getTaskExecutors().get(0);
        for (int run = 0; run < 10; run++) { // warm up everything but the user classes
            runAndAwait(id, body);
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> te.getNumberOfJobsWithUserCodeClassLoader() == 0);
        long loadedBefore = settledLoadedClassCount(classes);
        long metaspaceBefore = metaspaceUsed();
        long unloadedBefore = classes.getUnloadedClassCount();

        for (int run = 0; run < 40; run++) {
            runAndAwait(id, body);
            assertThat(Files.readString(out)).isEqualTo("loader=ChildFirstClassLoader\n1\n4\n9\n");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> te.getNumberOfJobsWithUserCodeClassLoader() == 0);
        long loadedAfter = settledLoadedClassCount(classes);

        // each run loads 4 user classes (the program, its map function, sink and writer): 160 over
        // the 40 runs. Most must have been unloaded again; what else the JVM loads meanwhile (lambda
        // forms, HTTP client classes: about 50 here) must stay well below a leak's 160.
        assertThat(classes.getUnloadedClassCount() - unloadedBefore).isGreaterThanOrEqualTo(120);
        assertThat(loadedAfter - loadedBefore).isLessThan(100);
        assertThat(metaspaceUsed() - metaspaceBefore).isLessThan(4L * 1024 * 1024);
    }

    /** The loaded-class count after the collector had a chance to unload unreachable loaders. */
    private static long settledLoadedClassCount(ClassLoadingMXBean classes) throws InterruptedException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = classes.getLoadedClassCount();
            if (now >= previous) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .sum();
    }

    @Test
    void sameContentUnderTwoNamesKeepsTheBlobUntilTheLastIsDeleted() throws Exception {
        byte[] jarBytes = Files.readAllBytes(jar);
        String a = upload("a.jar", jarBytes).json().get("filename").asText();
        String b = upload("b.jar", jarBytes).json().get("filename").asText();
        assertThat(a.substring(0, 64)).isEqualTo(b.substring(0, 64));
        assertThat(a).endsWith("_a.jar");
        assertThat(b).endsWith("_b.jar");
        assertThat(rest.get("/jars").json().get("files")).hasSize(2);

        assertThat(rest.send("DELETE", "/jars/" + a, null).status()).isEqualTo(200);
        Path out = tmp.resolve("b.txt");
        runAndAwait(b, "{\"programArgsList\": [\"" + out + "\", \"3\"], \"parallelism\": 1}");
        assertThat(Files.readString(out)).isEqualTo("loader=ChildFirstClassLoader\n1\n4\n9\n");

        assertThat(rest.send("DELETE", "/jars/" + b, null).status()).isEqualTo(200);
        expectError(
                rest.send("POST", "/jars/" + b + "/run", "{}"),
                404,
                "Jar '" + b + "' not found; GET /jars lists the uploaded jars");
        assertThat(rest.get("/jars").json().get("files")).isEmpty();
    }

    @Test
    void badInputIsRefusedAndTheClusterKeepsServing() throws Exception {
        byte[] jarBytes = Files.readAllBytes(jar);

        expectError(
                upload("notajar.jar", "just some text".getBytes(StandardCharsets.UTF_8)),
                400,
                "The file 'notajar.jar' is not a jar: it does not start with the ZIP signature");
        expectServing();
        expectError(
                upload("../../evil.jar", jarBytes),
                400,
                "The file name '../../evil.jar' is not allowed: send a plain file name ending in .jar,"
                        + " without path separators, '..' or control characters");
        expectServing();
        expectError(
                upload("/etc/evil.jar", jarBytes),
                400,
                "The file name '/etc/evil.jar' is not allowed: send a plain file name ending in .jar,"
                        + " without path separators, '..' or control characters");
        expectServing();
        expectError(upload("job.zip", jarBytes), 400, "Only jar files can be uploaded: 'job.zip' does not end in .jar");
        expectServing();
        expectError(
                upload("huge.jar", new byte[MAX_BODY + 1]),
                413,
                "The request body is larger than " + MAX_BODY + " bytes");
        expectServing();
        assertThat(rest.get("/jars").json().get("files")).isEmpty();

        String id = upload("job.jar", jarBytes).json().get("filename").asText();
        String unknown = "0".repeat(64) + "_job.jar";
        expectError(
                rest.send("POST", "/jars/" + unknown + "/run", "{}"),
                404,
                "Jar '" + unknown + "' not found; GET /jars lists the uploaded jars");
        expectServing();
        expectError(
                rest.send("DELETE", "/jars/" + unknown, null),
                404,
                "Jar '" + unknown + "' not found; GET /jars lists the uploaded jars");
        expectServing();
        RestClient.Reply malformed = rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).asText()).startsWith("The request body is not valid JSON: ");
        expectServing();
        expectError(
                rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"nope.Missing\"}"),
                400,
                "Entry class 'nope.Missing' was not found in jar 'job.jar'");
        expectServing();
        expectError(
                rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"userjob.Thrower\"}"),
                400,
                "Could not execute application: userjob.Thrower.main() threw java.lang.IllegalStateException:"
                        + " boom: the program refuses to run");
        expectServing();

        // After all that, a job still runs to the end with its exact output.
        Path out = tmp.resolve("after.txt");
        runAndAwait(id, "{\"programArgs\": \"" + out + " 2\", \"parallelism\": 1}");
        assertThat(Files.readString(out)).isEqualTo("loader=ChildFirstClassLoader\n1\n4\n");
    }

    private String runAndAwait(String idOrPath, String body) throws Exception {
        String path = idOrPath.contains("/run") ? "/jars/" + idOrPath : "/jars/" + idOrPath + "/run";
        RestClient.Reply run = rest.send("POST", path, body.isEmpty() ? null : body);
        assertThat(run.status()).as(run.json().toString()).isEqualTo(200);
        assertThat(RestClient.fieldNames(run.json())).containsExactly("jobid");
        String jobId = run.json().get("jobid").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        rest.get("/jobs/" + jobId).json().get("state").asText().equals("FINISHED"));
        return jobId;
    }

    private void expectError(RestClient.Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
        assertThat(reply.json().toString())
                .isEqualTo(RestClient.MAPPER
                        .createObjectNode()
                        .set("errors", RestClient.MAPPER.createArrayNode().add(message))
                        .toString());
    }

    private void expectServing() throws Exception {
        assertThat(rest.get("/jars").status()).isEqualTo(200);
    }

    private RestClient.Reply upload(String filename, byte[] content) throws Exception {
        String boundary = "----sluiceTestBoundary7d93";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + filename + "\"\r\n"
                        + "Content-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.getRestBaseUrl() + "/jars/upload"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new RestClient.Reply(response.statusCode(), RestClient.json(response.body()), response);
    }

    /** Compiles the sources against the test class path and packs them with a Main-Class manifest. */
    private Path buildJar(Path target, Map<String, String> sources, String mainClass) throws IOException {
        Path sourceDir = Files.createTempDirectory(tmp, "src");
        Path classDir = Files.createTempDirectory(tmp, "classes");
        List<String> args = new ArrayList<>(List.of(
                "-d", classDir.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        for (Map.Entry<String, String> source : new LinkedHashMap<>(sources).entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("Compiling the test jar failed");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest);
                Stream<Path> classes = Files.walk(classDir)) {
            for (Path file : classes.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return target;
    }
}
