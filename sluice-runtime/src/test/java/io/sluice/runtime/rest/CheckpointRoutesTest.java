package io.sluice.runtime.rest;

import static io.sluice.runtime.rest.RestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checkpoint routes against a MiniCluster over real HTTP, for jobs with and without checkpointing. */
class CheckpointRoutesTest {
    private static final String EMPTY_STATS =
            "{\"min\":0,\"max\":0,\"avg\":0,\"p50\":0.0,\"p90\":0.0,\"p95\":0.0," + "\"p99\":0.0,\"p999\":0.0}";

    private MiniCluster cluster;
    private RestClient rest;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
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

    /** An unbounded job (one chained vertex), checkpointing every 5 s when {@code checkpointing}. */
    private static JobGraph unbounded(boolean checkpointing) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        if (checkpointing) {
            env.getConfiguration().set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(5));
            env.getConfiguration().set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
            env.getConfiguration().set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 2);
            env.getConfiguration()
                    .set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, "RETAIN_ON_CANCELLATION");
            env.getConfiguration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "/tmp/sluice-checkpoints");
        }
        env.fromSequence(0, Long.MAX_VALUE)
                .map(new RestTestJobs.BlockUntilCancelled())
                .sinkTo(new DiscardingSink<>());
        return StreamGraphTranslator.toJobGraph(new Pipeline(
                "unbounded",
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
    }

    private String submit(JobGraph job) throws Exception {
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        return job.getJobId().toHexString();
    }

    @Test
    void whenJobCheckpoints_thenStatisticsStartEmpty() throws Exception {
        String id = submit(unbounded(true));

        RestClient.Reply r = rest.get("/jobs/" + id + "/checkpoints");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json())
                .isEqualTo(
                        json("{\"counts\":{\"restored\":0,\"total\":0,\"in_progress\":0,\"completed\":0,\"failed\":0},"
                                + "\"summary\":{\"checkpointed_size\":" + EMPTY_STATS + ",\"state_size\":" + EMPTY_STATS
                                + ",\"end_to_end_duration\":" + EMPTY_STATS + ",\"alignment_buffered\":" + EMPTY_STATS
                                + ",\"processed_data\":" + EMPTY_STATS + ",\"persisted_data\":" + EMPTY_STATS
                                + ",\"alignment_duration\":" + EMPTY_STATS + "},"
                                + "\"latest\":{\"completed\":null,\"savepoint\":null,\"failed\":null,\"restored\":null},"
                                + "\"history\":[]}"));
    }

    @Test
    void whenJobCheckpoints_thenConfigShowsItsSettingsWithFlinksNames() throws Exception {
        String id = submit(unbounded(true));

        RestClient.Reply r = rest.get("/jobs/" + id + "/checkpoints/config");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json())
                .isEqualTo(json("{\"mode\":\"exactly_once\",\"interval\":5000,\"timeout\":600000,\"min_pause\":0,"
                        + "\"max_concurrent\":1,\"externalization\":{\"enabled\":true,\"delete_on_cancellation\":false},"
                        + "\"state_backend\":\"HashMapStateBackend\","
                        + "\"checkpoint_storage\":\"FileSystemCheckpointStorage\",\"unaligned_checkpoints\":false,"
                        + "\"tolerable_failed_checkpoints\":2,\"aligned_checkpoint_timeout\":0,"
                        + "\"checkpoints_after_tasks_finish\":true,\"state_changelog_enabled\":false}"));
    }

    @Test
    void whenCheckpointIdIsUnknownOrMalformed_thenDetailsAnswer404Or400() throws Exception {
        String id = submit(unbounded(true));

        RestClient.Reply unknown = rest.get("/jobs/" + id + "/checkpoints/details/1");
        RestClient.Reply malformed = rest.get("/jobs/" + id + "/checkpoints/details/one");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json())
                .isEqualTo(json("{\"errors\":[\"Could not find checkpointing statistics for checkpoint 1 of job " + id
                        + "; only the latest checkpoints are kept (web.checkpoints.history)\"]}"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json())
                .isEqualTo(json("{\"errors\":[\"Malformed checkpoint id 'one': expected a whole number\"]}"));
    }

    /** Sleeps 1 ms per record: the job runs until cancelled, and its task thread takes checkpoints. */
    static final class Slow implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            Thread.sleep(1);
            return value;
        }
    }

    /** One chained vertex at parallelism 1 that never ends and whose checkpoints are only manual (1 h interval). */
    private static JobGraph slowCheckpointing() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfiguration().set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofHours(1));
        env.fromSequence(0, Long.MAX_VALUE).map(new Slow()).sinkTo(new DiscardingSink<>());
        return StreamGraphTranslator.toJobGraph(new Pipeline(
                "slow",
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
    }

    @Test
    void whenCheckpointIsTriggered_thenTheRequestIdLeadsToItsIdAndTheStatisticsShowIt() throws Exception {
        JobGraph job = slowCheckpointing();
        String id = submit(job);
        String vertex = job.getVertices().get(0).getId().toString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rest.get("/jobs/" + id)
                .json()
                .get("vertices")
                .get(0)
                .get("status")
                .asText()
                .equals("RUNNING"));

        RestClient.Reply trigger = rest.send("POST", "/jobs/" + id + "/checkpoints", "{\"checkpointType\":\"FULL\"}");

        assertThat(trigger.status()).isEqualTo(202);
        String requestId = trigger.json().get("request-id").asText();
        assertThat(requestId).matches("[0-9a-f]{32}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rest.get(
                        "/jobs/" + id + "/checkpoints/" + requestId)
                .json()
                .get("status")
                .get("id")
                .asText()
                .equals("COMPLETED"));
        RestClient.Reply status = rest.get("/jobs/" + id + "/checkpoints/" + requestId);
        assertThat(status.json())
                .isEqualTo(json("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"checkpointId\":1}}"));

        RestClient.Reply stats = rest.get("/jobs/" + id + "/checkpoints");
        assertThat(stats.json().get("counts").toString())
                .isEqualTo("{\"restored\":0,\"total\":1,\"in_progress\":0,\"completed\":1,\"failed\":0}");
        JsonNode completed = stats.json().get("latest").get("completed");
        assertThat(completed.get("id").asLong()).isEqualTo(1);
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("num_subtasks").asInt()).isEqualTo(1);
        assertThat(completed.get("num_acknowledged_subtasks").asInt()).isEqualTo(1);
        assertThat(completed.get("tasks").size()).isZero();
        assertThat(completed.get("external_path").isNull()).isTrue(); // kept in the JobManager's memory
        assertThat(completed.get("discarded").asBoolean()).isFalse();
        assertThat(completed.has("failure_message")).isFalse();
        assertThat(completed.get("latest_ack_timestamp").asLong())
                .isGreaterThanOrEqualTo(completed.get("trigger_timestamp").asLong());
        assertThat(stats.json().get("history").size()).isEqualTo(1);
        assertThat(stats.json().get("summary").get("state_size").get("max").asLong())
                .isEqualTo(completed.get("state_size").asLong());

        RestClient.Reply details = rest.get("/jobs/" + id + "/checkpoints/details/1");
        assertThat(details.status()).isEqualTo(200);
        assertThat(RestClient.fieldNames(details.json().get("tasks"))).containsExactly(vertex);
        JsonNode task = details.json().get("tasks").get(vertex);
        assertThat(task.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.get("num_subtasks").asInt()).isEqualTo(1);
        assertThat(task.get("num_acknowledged_subtasks").asInt()).isEqualTo(1);
        // The checkpoint's size also counts the source enumerator's state, which no task acknowledges.
        assertThat(task.get("state_size").asLong())
                .isPositive()
                .isLessThanOrEqualTo(completed.get("state_size").asLong());
    }

    @Test
    void whenJobHasEnded_thenATriggerEndsInAFailureSayingSo() throws Exception {
        JobGraph job = slowCheckpointing();
        String id = submit(job);
        cluster.getDispatcherGateway().cancelJob(job.getJobId()).get(10, TimeUnit.SECONDS);
        cluster.requestJobResult(job.getJobId()).get(20, TimeUnit.SECONDS);

        RestClient.Reply trigger = rest.send("POST", "/jobs/" + id + "/checkpoints", null);

        assertThat(trigger.status()).isEqualTo(202);
        String requestId = trigger.json().get("request-id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rest.get(
                        "/jobs/" + id + "/checkpoints/" + requestId)
                .json()
                .get("status")
                .get("id")
                .asText()
                .equals("COMPLETED"));
        RestClient.Reply status = rest.get("/jobs/" + id + "/checkpoints/" + requestId);
        assertThat(status.json()
                        .get("operation")
                        .get("failure-cause")
                        .get("class")
                        .asText())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(status.json()
                        .get("operation")
                        .get("failure-cause")
                        .get("stack-trace")
                        .asText())
                .startsWith("java.lang.IllegalStateException: Job 'slow' (" + job.getJobId()
                        + ") has ended (CANCELED); only a running job can be checkpointed");
    }

    @Test
    void whenTriggerRequestIsMalformedOrUnknown_thenTheAnswerSaysWhy() throws Exception {
        String id = submit(unbounded(true));

        RestClient.Reply badType = rest.send("POST", "/jobs/" + id + "/checkpoints", "{\"checkpointType\":\"BIG\"}");
        RestClient.Reply unknownTrigger = rest.get("/jobs/" + id + "/checkpoints/0123456789abcdef0123456789abcdef");

        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json())
                .isEqualTo(
                        json(
                                "{\"errors\":[\"'checkpointType' must be CONFIGURED, FULL or INCREMENTAL, was: \\\"BIG\\\"\"]}"));
        assertThat(unknownTrigger.status()).isEqualTo(404);
        assertThat(unknownTrigger.json().get("errors").get(0).asText())
                .startsWith("There is no checkpoint trigger '0123456789abcdef0123456789abcdef' for job " + id);
    }

    @Test
    void whenJobDoesNotCheckpoint_thenEveryCheckpointRouteAnswers404SayingSo() throws Exception {
        String id = submit(unbounded(false));
        String message = "{\"errors\":[\"Checkpointing is not enabled for job " + id
                + "; set execution.checkpointing.interval in the job's configuration to enable it\"]}";

        for (RestClient.Reply r : new RestClient.Reply[] {
            rest.get("/jobs/" + id + "/checkpoints"),
            rest.get("/jobs/" + id + "/checkpoints/config"),
            rest.get("/jobs/" + id + "/checkpoints/details/1"),
            rest.send("POST", "/jobs/" + id + "/checkpoints", null)
        }) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json()).isEqualTo(json(message));
        }
    }

    @Test
    void whenJobIsUnknownOrItsIdMalformed_thenCheckpointRoutesAnswer404Or400() throws Exception {
        String unknown = "0123456789abcdef0123456789abcdef";

        RestClient.Reply notFound = rest.get("/jobs/" + unknown + "/checkpoints");
        RestClient.Reply configNotFound = rest.get("/jobs/" + unknown + "/checkpoints/config");
        RestClient.Reply triggerNotFound = rest.send("POST", "/jobs/" + unknown + "/checkpoints", null);
        RestClient.Reply malformed = rest.get("/jobs/xyz/checkpoints");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(configNotFound.status()).isEqualTo(404);
        assertThat(triggerNotFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("errors").get(0).asText())
                .isEqualTo("No job with id " + unknown
                        + " was submitted to this cluster; list the jobs to see the known ids");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json())
                .isEqualTo(json("{\"errors\":[\"Malformed job id 'xyz': expected 32 hex digits\"]}"));
    }

    @Test
    void whenCheckpointingJobWasCancelled_thenItsStatisticsAndConfigStillAnswer() throws Exception {
        String id = submit(unbounded(true));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        rest.get("/jobs/" + id).json().get("state").asText().equals("RUNNING"));
        rest.send("PATCH", "/jobs/" + id + "?mode=cancel", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        rest.get("/jobs/" + id).json().get("state").asText().equals("CANCELED"));

        RestClient.Reply stats = rest.get("/jobs/" + id + "/checkpoints");
        RestClient.Reply config = rest.get("/jobs/" + id + "/checkpoints/config");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("counts").toString())
                .isEqualTo("{\"restored\":0,\"total\":0,\"in_progress\":0,\"completed\":0,\"failed\":0}");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("interval").asLong()).isEqualTo(5000);
    }
}
