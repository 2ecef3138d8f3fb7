package io.sluice.runtime.rest;

import static io.sluice.runtime.rest.RestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.rest.restoreprogram.RestoreProgram;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * {@code POST /jars/:jarid/run} with {@code savepointPath} and {@code allowNonRestoredState}: the
 * JobGraph the Dispatcher receives carries them as its {@link SavepointRestoreSettings}.
 */
class JarRunRestoreSettingsTest {
    @TempDir
    Path tmp;

    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private DispatcherRestEndpoint endpoint;
    private RestClient rest;
    private String jarId;

    @BeforeEach
    void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        endpoint = DispatcherRestEndpoint.start(dispatcher, null, conf, new BlobStore(tmp.resolve("blobs")));
        rest = new RestClient(endpoint.getRestBaseUrl());
        jarId = upload(programJar());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    /** The classes of {@link RestoreProgram}'s package from the test classes, Main-Class RestoreProgram. */
    private Path programJar() throws Exception {
        Path root = Path.of(RestoreProgram.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String dir = RestoreProgram.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RestoreProgram.class.getName());
        Path jar = tmp.resolve("restore.jar");
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            classes = files.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path c : classes) {
                out.putNextEntry(new JarEntry(root.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private String upload(Path jar) throws Exception {
        String boundary = "----restore-test-boundary";
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"restore.jar\"\r\n"
                        + "Content-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(jar);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint.getRestBaseUrl() + "/jars/upload"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return RestClient.MAPPER.readTree(r.body()).get("filename").asText();
    }

    private JobGraph onlySubmitted() {
        assertThat(dispatcher.submitted).hasSize(1);
        return dispatcher.submitted.get(0);
    }

    @Test
    void whenRunNamesASavepointPath_thenTheSubmittedJobGraphRestoresFromIt() throws Exception {
        RestClient.Reply r = rest.send(
                "POST",
                "/jars/" + jarId + "/run",
                "{\"savepointPath\":\"/chk/job-1/chk-7\",\"allowNonRestoredState\":true}");

        assertThat(r.status()).isEqualTo(200);
        JobGraph job = onlySubmitted();
        assertThat(r.json()).isEqualTo(json("{\"jobid\":\"" + job.getJobId().toHexString() + "\"}"));
        assertThat(job.getName()).isEqualTo("restore job");
        assertThat(job.getSavepointRestoreSettings())
                .isEqualTo(SavepointRestoreSettings.forPath("/chk/job-1/chk-7", true));
    }

    @Test
    void whenRunNamesThePathInTheQuery_thenAllowNonRestoredStateDefaultsToFalse() throws Exception {
        RestClient.Reply r = rest.send("POST", "/jars/" + jarId + "/run?savepointPath=/chk/x/_metadata", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlySubmitted().getSavepointRestoreSettings())
                .isEqualTo(SavepointRestoreSettings.forPath("/chk/x/_metadata", false));
    }

    @Test
    void whenRunNamesNoPath_thenTheJobStartsEmpty() throws Exception {
        RestClient.Reply r = rest.send("POST", "/jars/" + jarId + "/run", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlySubmitted().getSavepointRestoreSettings()).isEqualTo(SavepointRestoreSettings.none());
    }

    @Test
    void whenAllowNonRestoredStateComesWithoutPathOrIsNotBoolean_thenTheRunIsRejected() throws Exception {
        RestClient.Reply withoutPath = rest.send("POST", "/jars/" + jarId + "/run", "{\"allowNonRestoredState\":true}");
        RestClient.Reply notBoolean = rest.send(
                "POST", "/jars/" + jarId + "/run", "{\"savepointPath\":\"/p\",\"allowNonRestoredState\":\"yes\"}");

        assertThat(withoutPath.status()).isEqualTo(400);
        assertThat(withoutPath.json())
                .isEqualTo(json("{\"errors\":[\"'allowNonRestoredState' needs 'savepointPath', the checkpoint to"
                        + " restore from\"]}"));
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.json())
                .isEqualTo(json("{\"errors\":[\"'allowNonRestoredState' must be true or false, was: \\\"yes\\\"\"]}"));
        assertThat(dispatcher.submitted).isEmpty();
    }
}
