package io.sluice.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.api.configuration.Configuration;
import io.sluice.client.cli.TestJars;
import io.sluice.client.cli.programs.CountingProgram;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar side of {@link RestClusterClient}: upload, run and delete, and the cluster's refusals. */
class RestClusterClientTest {
    @TempDir
    Path tmp;

    private MiniCluster cluster;
    private RestClusterClient client;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.PORT, 0);
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(1)
                .setConfiguration(conf)
                .build());
        cluster.start();
        client = new RestClusterClient(URI.create(cluster.getRestBaseUrl() + "/"));
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    private static RestClientException refusal(Throwable thrown) {
        assertThat(thrown.getCause()).isInstanceOf(RestClientException.class);
        return (RestClientException) thrown.getCause();
    }

    @Test
    void aJarNamedWithoutDotJar_isUploadedUnderThatNamePlusDotJar() throws Exception {
        Path jar = TestJars.create(tmp.resolve("programs"), CountingProgram.class, null);

        String jarId = client.uploadJar(jar).get(30, TimeUnit.SECONDS);

        assertThat(jarId).matches("[0-9a-f]{64}_programs\\.jar");
        assertThat(client.getBaseUrl()).isEqualTo(URI.create(cluster.getRestBaseUrl()));
    }

    @Test
    void aFileThatIsNotAJar_isRefusedWithTheClustersMessage() throws Exception {
        Path notAJar = Files.writeString(tmp.resolve("notajar.jar"), "just text");

        RestClientException e =
                refusal(catchThrowable(() -> client.uploadJar(notAJar).get(30, TimeUnit.SECONDS)));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e).hasMessage("The file 'notajar.jar' is not a jar: it does not start with the ZIP signature");
        assertThat(e.getErrors()).containsExactly(e.getMessage());
    }

    @Test
    void aDeletedJar_cannotBeRun() throws Exception {
        Path jar = TestJars.create(tmp.resolve("programs.jar"), CountingProgram.class, null);
        String jarId = client.uploadJar(jar).get(30, TimeUnit.SECONDS);

        client.deleteJar(jarId).get(30, TimeUnit.SECONDS);
        RestClientException e =
                refusal(catchThrowable(() -> client.runJar(jarId, CountingProgram.class.getName(), List.of("10"), 1)
                        .get(30, TimeUnit.SECONDS)));

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e).hasMessage("Jar '" + jarId + "' not found; GET /jars lists the uploaded jars");
    }

    @Test
    void anEntryClassNotInTheJar_isRefused() throws Exception {
        Path jar = TestJars.create(tmp.resolve("programs.jar"), CountingProgram.class, null);
        String jarId = client.uploadJar(jar).get(30, TimeUnit.SECONDS);

        RestClientException e = refusal(catchThrowable(
                () -> client.runJar(jarId, "nope.Missing", List.of(), null).get(30, TimeUnit.SECONDS)));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e).hasMessage("Entry class 'nope.Missing' was not found in jar 'programs.jar'");
        assertThat(client.listJobOverviews().get(30, TimeUnit.SECONDS)).isEmpty();
    }
}
