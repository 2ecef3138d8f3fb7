package io.sluice.runtime.rest;

import static io.sluice.runtime.rest.RestClient.fieldNames;
import static io.sluice.runtime.rest.RestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /jobs/:jobid/execution-result} and {@code GET /jobs/:jobid/status} on a MiniCluster with one TaskManager, over HTTP. */
class JobExecutionResultRouteTest {
    private MiniCluster cluster;
    private RestClient rest;

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
        rest = new RestClient(cluster.getRestBaseUrl());
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private String runToEnd(JobGraph job) throws Exception {
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        cluster.requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS);
        return job.getJobId().toHexString();
    }

    private static byte[] base64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    @Test
    void whenJobFinished_thenCompletedWithSucceededRuntimeAndSerializedAccumulators() throws Exception {
        String id = runToEnd(RestTestJobs.finishing());

        RestClient.Reply r = rest.get("/jobs/" + id + "/execution-result");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status")).isEqualTo(json("{\"id\":\"COMPLETED\"}"));
        JsonNode result = r.json().get("job-execution-result");
        assertThat(fieldNames(result))
                .containsExactly(
                        "id",
                        "name",
                        "application-status",
                        "job-status",
                        "net-runtime",
                        "serialized-accumulator-results");
        assertThat(result.get("id").asText()).isEqualTo(id);
        assertThat(result.get("name").asText()).isEqualTo("finishing");
        assertThat(result.get("application-status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("job-status").asText()).isEqualTo("FINISHED");
        assertThat(result.get("net-runtime").asLong()).isGreaterThanOrEqualTo(0);
        Map<String, Object> accumulators = SerializedValue.<Map<String, Object>>fromBytes(
                        base64(result.get("serialized-accumulator-results")))
                .deserialize(getClass().getClassLoader());
        assertThat(accumulators).isEmpty();
    }

    @Test
    void whenJobFailed_thenCompletedWithTheFailureAsTextAndSerialized() throws Exception {
        String id = runToEnd(RestTestJobs.failing());

        JsonNode result = rest.get("/jobs/" + id + "/execution-result").json().get("job-execution-result");

        assertThat(result.get("application-status").asText()).isEqualTo("FAILED");
        assertThat(result.get("job-status").asText()).isEqualTo("FAILED");
        assertThat(result.get("failed-task").asText())
                .isEqualTo("Source: Sequence Source -> boom -> Sink: DiscardingSink (1/1) on TaskManager tm-0");
        JsonNode cause = result.get("failure-cause");
        assertThat(fieldNames(cause)).containsExactly("class", "stack-trace", "serialized-throwable");
        assertThat(cause.get("class").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.get("stack-trace").asText()).startsWith("java.lang.IllegalStateException: boom on 1\n");
        SerializedThrowable throwable = SerializedValue.<SerializedThrowable>fromBytes(
                        base64(cause.get("serialized-throwable")))
                .deserialize(getClass().getClassLoader());
        Throwable original = throwable.deserialize(getClass().getClassLoader());
        assertThat(original).isInstanceOf(IllegalStateException.class).hasMessage("boom on 1");
    }

    @Test
    void whileJobRuns_thenInProgressAndAfterCancelCompletedAsCanceled() throws Exception {
        JobGraph job = RestTestJobs.unbounded();
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        String id = job.getJobId().toHexString();

        RestClient.Reply running = rest.get("/jobs/" + id + "/execution-result");

        assertThat(running.status()).isEqualTo(200);
        assertThat(running.json()).isEqualTo(json("{\"status\":{\"id\":\"IN_PROGRESS\"}}"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> rest.get("/jobs/" + id + "/status").json().equals(json("{\"status\":\"RUNNING\"}")));

        assertThat(rest.send("PATCH", "/jobs/" + id + "?mode=cancel", null).status())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rest.get("/jobs/" + id + "/execution-result")
                .json()
                .get("status")
                .get("id")
                .asText()
                .equals("COMPLETED"));
        JsonNode result = rest.get("/jobs/" + id + "/execution-result").json().get("job-execution-result");
        assertThat(result.get("application-status").asText()).isEqualTo("CANCELED");
        assertThat(result.get("job-status").asText()).isEqualTo("CANCELED");
        assertThat(result.has("failure-cause")).isFalse();
        assertThat(rest.get("/jobs/" + id + "/status").json()).isEqualTo(json("{\"status\":\"CANCELED\"}"));
    }

    @Test
    void unknownAndMalformedJobIds_are404And400() throws Exception {
        RestClient.Reply unknown = rest.get("/jobs/0123456789abcdef0123456789abcdef/execution-result");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json())
                .isEqualTo(json("{\"errors\":[\"No job with id 0123456789abcdef0123456789abcdef was submitted to this"
                        + " cluster; list the jobs to see the known ids\"]}"));

        assertThat(rest.get("/jobs/0123456789abcdef0123456789abcdef/status").status())
                .isEqualTo(404);
        RestClient.Reply malformed = rest.get("/jobs/xyz/execution-result");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json())
                .isEqualTo(json("{\"errors\":[\"Malformed job id 'xyz': expected 32 hex digits\"]}"));
    }
}
