package io.sluice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.entrypoint.JobManagerProcess;
import io.sluice.runtime.entrypoint.TaskManagerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * P1 and P2 on a process cluster: a JobManager and {@code parallelism} TaskManagers with one slot
 * each, as separate JVMs on 127.0.0.1 with this JVM's flags, so every keyBy record of P2 crosses
 * TCP for half the keys. The job classes go up as a jar over REST (only {@code io/sluice/benchmarks}
 * from this jar); the sinks write their results to files the driver sums into the checksum.
 *
 * <pre>
 * java -cp sluice-benchmarks.jar io.sluice.benchmarks.ClusterBench P1|P2 &lt;records&gt; [parallelism=2]
 * </pre>
 *
 * {@code seconds} is the job's duration as the JobManager reports it (submission to end, deployment
 * over RPC included), the same span {@code execute()} covers on the embedded cluster. Set
 * {@code SLUICE_BENCH_TASKMANAGERS=n} for another number of TaskManagers (slots split evenly),
 * {@code SLUICE_BENCH_CONF="key: value;key: value"} for more configuration,
 * {@code SLUICE_BENCH_WARMUP=records} to run the job once with that many records first (a warm
 * cluster), {@code SLUICE_BENCH_KEEP=1} to keep the processes' logs, {@code SLUICE_BENCH_LOG_LEVEL=info} for
 * more of them.
 */
public final class ClusterBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("P1") || args[0].equals("P2"))) {
            System.err.println("usage: ClusterBench P1|P2 <records> [parallelism=2]");
            System.exit(2);
        }
        String job = args[0];
        long n = Long.parseLong(args[1]);
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String tmsSetting = System.getenv("SLUICE_BENCH_TASKMANAGERS");
        int taskManagers = tmsSetting == null ? parallelism : Integer.parseInt(tmsSetting);
        int slots = (parallelism + taskManagers - 1) / taskManagers;
        Path work = Files.createTempDirectory("sluice-cluster-bench-");
        List<Process> processes = new ArrayList<>();
        try {
            int restPort = freePort();
            Path conf = Files.createDirectories(work.resolve("conf"));
            Files.writeString(
                    conf.resolve("sluice.yaml"),
                    "rest.port: " + restPort + "\njobmanager.rpc.port: " + freePort()
                            + "\ntaskmanager.numberOfTaskSlots: " + slots + "\nweb.upload.dir: " + work.resolve("jars")
                            + "\n");
            String rest = "http://127.0.0.1:" + restPort;
            processes.add(launch(JobManagerProcess.class, conf, work.resolve("jobmanager.log")));
            awaitTaskManagers(rest, -1);
            for (int i = 0; i < taskManagers; i++) {
                processes.add(launch(TaskManagerProcess.class, conf, work.resolve("taskmanager-" + i + ".log")));
            }
            awaitTaskManagers(rest, taskManagers);

            String jarId = upload(rest, benchmarkJar(work.resolve("bench-job.jar")));
            String warmup = System.getenv("SLUICE_BENCH_WARMUP");
            if (warmup != null) {
                // A first job of this many records, so the measured one runs on warm JVMs as on a
                // long-running cluster (two TaskManager JVMs compile the same code twice).
                runJob(rest, jarId, job, Long.parseLong(warmup), parallelism, work.resolve("warmup"), work);
            }
            Path results = work.resolve("results");
            JsonNode details = runJob(rest, jarId, job, n, parallelism, results, work);
            double seconds = details.path("duration").asLong() / 1000.0;
            printResult(job, n, parallelism, taskManagers, seconds, results);
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            if (System.getenv("SLUICE_BENCH_KEEP") == null) {
                deleteRecursively(work);
            } else {
                System.err.println("Logs and results kept in " + work);
            }
        }
    }

    /** Runs one job on the cluster; its finished details, or an exception naming the failure. */
    private static JsonNode runJob(
            String rest, String jarId, String job, long n, int parallelism, Path results, Path work) throws Exception {
        Files.createDirectories(results);
        var run = JSON.createObjectNode().put("entryClass", ClusterJob.class.getName());
        run.putArray("programArgsList")
                .add(job)
                .add(String.valueOf(n))
                .add(String.valueOf(parallelism))
                .add(results.toString());
        String jobId = JSON.readTree(post(rest + "/jars/" + jarId + "/run", run.toString()))
                .get("jobid")
                .asText();
        JsonNode details = awaitEnd(rest, jobId);
        if (!details.path("state").asText().equals("FINISHED")) {
            throw new IllegalStateException("Job " + jobId + " ended " + details.path("state") + ": "
                    + get(rest + "/jobs/" + jobId + "/exceptions") + " (logs in " + work + ")");
        }
        return details;
    }

    /** {@code SLUICE_BENCH_CONF}: more {@code key: value} lines for the cluster, separated by ';'. */
    private static String extraConfig() {
        String extra = System.getenv("SLUICE_BENCH_CONF");
        return extra == null ? "" : extra.replace(';', '\n') + "\n";
    }

    /** Writes one sink's result into {@code dir} under a new name (atomically). */
    static void writeResult(String dir, String text) throws IOException {
        Path tmp = Path.of(dir, "." + UUID.randomUUID());
        Files.writeString(tmp, text);
        Files.move(tmp, Path.of(dir, "part-" + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void printResult(String job, long n, int parallelism, int taskManagers, double seconds, Path results)
            throws IOException {
        List<List<String>> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .toList()) {
                parts.add(Files.readAllLines(f));
            }
        }
        long firstOpen = Long.MAX_VALUE;
        long lastClose = Long.MIN_VALUE;
        String fields;
        if (job.equals("P1")) {
            long sum = 0;
            long count = 0;
            for (List<String> part : parts) {
                String[] f = part.get(0).split(" ");
                sum += Long.parseLong(f[0]);
                count += Long.parseLong(f[1]);
                firstOpen = Math.min(firstOpen, Long.parseLong(f[2]));
                lastClose = Math.max(lastClose, Long.parseLong(f[3]));
            }
            fields = "checksum=" + sum + " outputs=" + count;
        } else {
            Map<String, Long> counts = new HashMap<>();
            long outputs = 0;
            long collisions = 0;
            for (List<String> part : parts) {
                String[] f = part.get(0).split(" ");
                outputs += Long.parseLong(f[0]);
                firstOpen = Math.min(firstOpen, Long.parseLong(f[1]));
                lastClose = Math.max(lastClose, Long.parseLong(f[2]));
                for (String line : part.subList(1, part.size())) {
                    int space = line.lastIndexOf(' ');
                    if (counts.put(line.substring(0, space), Long.parseLong(line.substring(space + 1))) != null) {
                        collisions++;
                    }
                }
            }
            long checksum = 0;
            long total = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                checksum += Gen.p2Hash(e.getKey(), e.getValue());
                total += e.getValue();
            }
            fields = "checksum=" + checksum + " total=" + total + " words=" + counts.size() + " outputs=" + outputs
                    + (collisions > 0 ? " ERROR_word_in_two_subtasks=" + collisions : "")
                    + " state_backend=hashmap";
        }
        double taskSeconds = parts.isEmpty() ? 0 : (lastClose - firstOpen) / 1000.0;
        Gen.printResult(
                job,
                n,
                seconds,
                fields
                        + String.format(
                                Locale.ROOT,
                                " task_seconds=%.3f task_rate=%.0f",
                                taskSeconds,
                                taskSeconds > 0 ? n / taskSeconds : 0.0)
                        + " parallelism=" + parallelism + " cluster=processes taskmanagers=" + taskManagers
                        + (System.getenv("SLUICE_BENCH_WARMUP") == null
                                ? ""
                                : " warmup_records=" + System.getenv("SLUICE_BENCH_WARMUP"))
                        + " engine=" + Gen.engine());
    }

    /** A JVM running {@code main} with this JVM's class path and flags. */
    private static Process launch(Class<?> main, Path conf, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String level = System.getenv("SLUICE_BENCH_LOG_LEVEL");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (level == null ? "warn" : level));
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLUICE_CONF_DIR", conf.toString());
        return builder.start();
    }

    /** Waits for the REST endpoint ({@code n} = -1) or for {@code n} registered TaskManagers. */
    private static void awaitTaskManagers(String rest, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                int registered = JSON.readTree(get(rest + "/taskmanagers"))
                        .path("taskmanagers")
                        .size();
                if (n < 0 || registered == n) {
                    return;
                }
            } catch (IOException notYet) {
                // The JobManager is still starting.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The cluster at " + rest + " did not get " + n + " TaskManagers in 60 s");
    }

    /**
     * Polls the light status route every 100 ms (the JobManager shares the two cores with the
     * TaskManagers); the duration comes from the JobManager, so polling does not limit precision.
     */
    private static JsonNode awaitEnd(String rest, String jobId) throws Exception {
        while (true) {
            String state = JSON.readTree(get(rest + "/jobs/" + jobId + "/status"))
                    .path("status")
                    .asText();
            if (state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED")) {
                return JSON.readTree(get(rest + "/jobs/" + jobId));
            }
            Thread.sleep(100);
        }
    }

    /** The benchmark classes alone ({@code io/sluice/benchmarks/}) as a job jar. */
    private static Path benchmarkJar(Path target) throws Exception {
        Path self = Path.of(ClusterBench.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String prefix = "io/sluice/benchmarks/";
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file, new Manifest())) {
            if (Files.isDirectory(self)) {
                try (Stream<Path> files = Files.walk(self.resolve(prefix))) {
                    for (Path c : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(self.relativize(c).toString()));
                        Files.copy(c, out);
                        out.closeEntry();
                    }
                }
            } else {
                try (JarFile jar = new JarFile(self.toFile())) {
                    for (JarEntry e : jar.stream()
                            .filter(e -> e.getName().startsWith(prefix) && !e.isDirectory())
                            .toList()) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream in = jar.getInputStream(e)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return target;
    }

    private static String upload(String rest, Path jar) throws Exception {
        String boundary = "----sluiceClusterBench";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"bench-job.jar\""
                        + "\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(rest + "/jars/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Upload failed with " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("filename").asText();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " failed with " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
