package io.sluice.runtime.rest;

import static io.sluice.runtime.rest.RestClient.fieldNames;
import static io.sluice.runtime.rest.RestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.configuration.RestOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API against a MiniCluster with two TaskManagers of two slots, over real HTTP. */
class DispatcherRestEndpointTest {
    private static final List<String> EXECUTION_STATES = List.of(
            "CREATED",
            "SCHEDULED",
            "DEPLOYING",
            "INITIALIZING",
            "RUNNING",
            "FINISHED",
            "CANCELING",
            "CANCELED",
            "FAILED");

    private MiniCluster cluster;
    private RestClient rest;

    @BeforeEach
    void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(2)
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

    private String startRunning(JobGraph job) throws Exception {
        cluster.submitJob(job).get(10, TimeUnit.SECONDS);
        String id = job.getJobId().toHexString();
        awaitState(id, "RUNNING");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rest.get("/jobs/" + id)
                .json()
                .get("vertices")
                .get(0)
                .get("status")
                .asText()
                .equals("RUNNING"));
        return id;
    }

    private void awaitState(String id, String state) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        rest.get("/jobs/" + id).json().get("state").asText().equals(state));
    }

    private void awaitAllSlotsFree() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> rest.get("/overview").json().get("slots-available").asInt() == 4);
    }

    // ------------------------------------------------------------------ cluster

    @Test
    void whenClusterIsIdle_thenOverviewCountsTaskManagersAndFreeSlots() throws Exception {
        RestClient.Reply r = rest.get("/overview");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(r.json())
                .isEqualTo(
                        json(
                                "{\"taskmanagers\":2,\"slots-total\":4,\"slots-available\":4,\"jobs-running\":0,"
                                        + "\"jobs-finished\":0,\"jobs-cancelled\":0,\"jobs-failed\":0,\"sluice-version\":\"unknown\"}"));
    }

    @Test
    void whenConfigIsRequested_thenItHasTheDashboardFields() throws Exception {
        RestClient.Reply r = rest.get("/config");

        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json()))
                .containsExactly("refresh-interval", "timezone-name", "timezone-offset", "sluice-version", "features");
        assertThat(r.json().get("refresh-interval").asLong()).isEqualTo(3000);
        assertThat(r.json().get("timezone-name").isTextual()).isTrue();
        assertThat(r.json().get("timezone-offset").isIntegralNumber()).isTrue();
        assertThat(r.json().get("features"))
                .isEqualTo(
                        json("{\"web-submit\":false,\"web-cancel\":true,\"web-rescale\":false,\"web-history\":false}"));
    }

    @Test
    void whenTaskManagersAreListed_thenEachShowsItsSlots() throws Exception {
        RestClient.Reply r = rest.get("/taskmanagers");

        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactly("taskmanagers");
        JsonNode tms = r.json().get("taskmanagers");
        assertThat(tms).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode tm = tms.get(i);
            assertThat(fieldNames(tm)).containsExactly("id", "path", "dataPort", "slotsNumber", "freeSlots");
            assertThat(tm.get("id").asText()).isEqualTo("tm-" + i);
            assertThat(tm.get("path").asText())
                    .isEqualTo(cluster.getTaskExecutors().get(i).getAddress());
            assertThat(tm.get("slotsNumber").asInt()).isEqualTo(2);
            assertThat(tm.get("freeSlots").asInt()).isEqualTo(2);
        }

        RestClient.Reply one = rest.get("/taskmanagers/tm-1");
        assertThat(one.status()).isEqualTo(200);
        assertThat(fieldNames(one.json()))
                .containsExactly("id", "path", "dataPort", "slotsNumber", "freeSlots", "allocatedSlots");
        assertThat(one.json().get("id").asText()).isEqualTo("tm-1");
        assertThat(one.json().get("allocatedSlots")).isEmpty();
    }

    // ------------------------------------------------------------------ a finished job

    @Test
    void whenJobFinished_thenEveryJobEndpointDescribesIt() throws Exception {
        JobGraph job = RestTestJobs.finishing();
        String id = runToEnd(job);
        awaitAllSlotsFree();

        assertThat(rest.get("/jobs").json())
                .isEqualTo(json("{\"jobs\":[{\"id\":\"" + id + "\",\"status\":\"FINISHED\"}]}"));

        JsonNode overview = rest.get("/jobs/overview").json().get("jobs");
        assertThat(overview).hasSize(1);
        JsonNode o = overview.get(0);
        assertThat(fieldNames(o))
                .containsExactly("jid", "name", "state", "start-time", "end-time", "duration", "tasks");
        assertThat(o.get("jid").asText()).isEqualTo(id);
        assertThat(o.get("name").asText()).isEqualTo("finishing");
        assertThat(o.get("state").asText()).isEqualTo("FINISHED");
        assertThat(o.get("end-time").asLong())
                .isGreaterThanOrEqualTo(o.get("start-time").asLong());
        assertThat(o.get("duration").asLong())
                .isEqualTo(o.get("end-time").asLong() - o.get("start-time").asLong());
        assertThat(o.get("tasks"))
                .isEqualTo(json("{\"created\":0,\"scheduled\":0,\"deploying\":0,\"initializing\":0,\"running\":0,"
                        + "\"finished\":6,\"canceling\":0,\"canceled\":0,\"failed\":0,\"total\":6}"));

        RestClient.Reply details = rest.get("/jobs/" + id);
        assertThat(details.status()).isEqualTo(200);
        JsonNode d = details.json();
        assertThat(fieldNames(d))
                .containsExactly(
                        "jid",
                        "name",
                        "isStoppable",
                        "state",
                        "job-type",
                        "start-time",
                        "end-time",
                        "duration",
                        "maxParallelism",
                        "now",
                        "vertices",
                        "status-counts",
                        "plan");
        assertThat(d.get("jid").asText()).isEqualTo(id);
        assertThat(d.get("name").asText()).isEqualTo("finishing");
        assertThat(d.get("isStoppable").asBoolean()).isFalse();
        assertThat(d.get("state").asText()).isEqualTo("FINISHED");
        assertThat(d.get("job-type").asText()).isEqualTo("STREAMING");
        assertThat(d.get("start-time").asLong()).isEqualTo(o.get("start-time").asLong());
        assertThat(d.get("end-time").asLong()).isEqualTo(o.get("end-time").asLong());
        assertThat(d.get("duration").asLong()).isEqualTo(o.get("duration").asLong());
        assertThat(d.get("now").asLong())
                .isGreaterThanOrEqualTo(d.get("end-time").asLong());
        assertThat(d.get("maxParallelism").asInt())
                .isEqualTo(job.getVertices().get(0).getMaxParallelism());
        JsonNode vertices = d.get("vertices");
        assertThat(vertices).hasSize(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode v = vertices.get(i);
            assertThat(fieldNames(v)).containsExactly("id", "name", "maxParallelism", "parallelism", "status", "tasks");
            assertThat(v.get("id").asText())
                    .isEqualTo(job.getVertices().get(i).getId().toString());
            assertThat(v.get("parallelism").asInt()).isEqualTo(2);
            assertThat(v.get("status").asText()).isEqualTo("FINISHED");
            assertThat(fieldNames(v.get("tasks"))).containsExactlyElementsOf(EXECUTION_STATES);
            assertThat(v.get("tasks").get("FINISHED").asInt()).isEqualTo(2);
            names.add(v.get("name").asText());
        }
        assertThat(names).containsExactly("Source: Sequence Source", "twice", "Sink: DiscardingSink");
        assertThat(d.get("status-counts"))
                .isEqualTo(json("{\"CREATED\":0,\"SCHEDULED\":0,\"DEPLOYING\":0,\"INITIALIZING\":0,\"RUNNING\":0,"
                        + "\"FINISHED\":3,\"CANCELING\":0,\"CANCELED\":0,\"FAILED\":0}"));

        RestClient.Reply plan = rest.get("/jobs/" + id + "/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(fieldNames(plan.json())).containsExactly("plan");
        JsonNode p = plan.json().get("plan");
        assertThat(p).isEqualTo(d.get("plan"));
        assertThat(fieldNames(p)).containsExactly("jid", "name", "type", "nodes");
        assertThat(p.get("jid").asText()).isEqualTo(id);
        assertThat(p.get("name").asText()).isEqualTo("finishing");
        assertThat(p.get("type").asText()).isEqualTo("STREAMING");
        assertThat(p.get("nodes")).isEqualTo(json(job.getJsonPlan()).get("nodes"));
        assertThat(p.get("nodes")).hasSize(3);

        assertThat(rest.get("/jobs/" + id + "/exceptions").json())
                .isEqualTo(json("{\"root-exception\":null,\"timestamp\":null,\"all-exceptions\":[],"
                        + "\"truncated\":false,\"exceptionHistory\":{\"entries\":[],\"truncated\":false}}"));

        assertThat(rest.get("/overview").json())
                .isEqualTo(
                        json(
                                "{\"taskmanagers\":2,\"slots-total\":4,\"slots-available\":4,\"jobs-running\":0,"
                                        + "\"jobs-finished\":1,\"jobs-cancelled\":0,\"jobs-failed\":0,\"sluice-version\":\"unknown\"}"));
    }

    @Test
    void whenJobFailed_thenExceptionsNameTheRootCauseAndTheTask() throws Exception {
        String id = runToEnd(RestTestJobs.failing());

        assertThat(rest.get("/jobs/" + id).json().get("state").asText()).isEqualTo("FAILED");
        JsonNode e = rest.get("/jobs/" + id + "/exceptions").json();
        assertThat(fieldNames(e))
                .containsExactly("root-exception", "timestamp", "all-exceptions", "truncated", "exceptionHistory");
        assertThat(e.get("root-exception").asText())
                .startsWith("java.lang.IllegalStateException: boom on 1\n\tat ")
                .contains(RestTestJobs.Boom.class.getName() + ".map");
        assertThat(e.get("truncated").asBoolean()).isFalse();
        assertThat(e.get("all-exceptions")).isEmpty();
        JsonNode entries = e.get("exceptionHistory").get("entries");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(fieldNames(entry))
                .containsExactly(
                        "exceptionName",
                        "stacktrace",
                        "timestamp",
                        "taskName",
                        "taskManagerId",
                        "failureLabels",
                        "concurrentExceptions");
        assertThat(entry.get("exceptionName").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(entry.get("stacktrace").asText())
                .isEqualTo(e.get("root-exception").asText());
        assertThat(entry.get("timestamp").asLong()).isEqualTo(e.get("timestamp").asLong());
        assertThat(entry.get("taskName").asText())
                .isEqualTo("Source: Sequence Source -> boom -> Sink: DiscardingSink (1/1)");
        assertThat(entry.get("taskManagerId").asText()).isEqualTo("tm-0");
        assertThat(entry.get("failureLabels")).isEmpty();
        assertThat(entry.get("concurrentExceptions")).isEmpty();
        assertThat(rest.get("/overview").json().get("jobs-failed").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ a running job, cancelled

    @Test
    void whenJobRuns_thenItIsShownRunningAndPatchCancelsIt() throws Exception {
        JobGraph job = RestTestJobs.unbounded();
        String id = startRunning(job);

        assertThat(rest.get("/jobs").json())
                .isEqualTo(json("{\"jobs\":[{\"id\":\"" + id + "\",\"status\":\"RUNNING\"}]}"));
        JsonNode d = rest.get("/jobs/" + id).json();
        assertThat(d.get("state").asText()).isEqualTo("RUNNING");
        assertThat(d.get("end-time").asLong()).isEqualTo(-1);
        assertThat(d.get("duration").asLong())
                .isBetween(0L, d.get("now").asLong() - d.get("start-time").asLong());
        assertThat(d.get("vertices")).hasSize(1);
        JsonNode v = d.get("vertices").get(0);
        assertThat(v.get("name").asText()).isEqualTo("Source: Sequence Source -> blocked -> Sink: DiscardingSink");
        assertThat(v.get("parallelism").asInt()).isEqualTo(1);
        assertThat(v.get("status").asText()).isEqualTo("RUNNING");
        assertThat(v.get("tasks").get("RUNNING").asInt()).isEqualTo(1);
        assertThat(d.get("status-counts").get("RUNNING").asInt()).isEqualTo(1);

        JsonNode o = rest.get("/jobs/overview").json().get("jobs").get(0);
        assertThat(o.get("state").asText()).isEqualTo("RUNNING");
        assertThat(o.get("end-time").asLong()).isEqualTo(-1);
        assertThat(o.get("tasks").get("running").asInt()).isEqualTo(1);
        assertThat(o.get("tasks").get("total").asInt()).isEqualTo(1);

        assertThat(rest.get("/overview").json())
                .isEqualTo(
                        json(
                                "{\"taskmanagers\":2,\"slots-total\":4,\"slots-available\":3,\"jobs-running\":1,"
                                        + "\"jobs-finished\":0,\"jobs-cancelled\":0,\"jobs-failed\":0,\"sluice-version\":\"unknown\"}"));
        assertThat(rest.get("/taskmanagers/tm-0").json().get("allocatedSlots"))
                .isEqualTo(json("[{\"index\":0,\"jobId\":\"" + id + "\"}]"));
        assertThat(rest.get("/taskmanagers")
                        .json()
                        .get("taskmanagers")
                        .get(0)
                        .get("freeSlots")
                        .asInt())
                .isEqualTo(1);
        assertThat(rest.get("/jobs/" + id + "/exceptions")
                        .json()
                        .get("root-exception")
                        .isNull())
                .isTrue();

        RestClient.Reply cancel = rest.send("PATCH", "/jobs/" + id + "?mode=cancel", null);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json()).isEqualTo(json("{}"));

        awaitState(id, "CANCELED");
        JsonNode after = rest.get("/jobs/" + id).json();
        assertThat(after.get("end-time").asLong())
                .isGreaterThanOrEqualTo(after.get("start-time").asLong());
        assertThat(after.get("vertices").get(0).get("status").asText()).isEqualTo("CANCELED");
        assertThat(after.get("vertices").get(0).get("tasks").get("CANCELED").asInt())
                .isEqualTo(1);
        assertThat(rest.get("/jobs").json())
                .isEqualTo(json("{\"jobs\":[{\"id\":\"" + id + "\",\"status\":\"CANCELED\"}]}"));
        awaitAllSlotsFree();
        assertThat(rest.get("/overview").json().get("jobs-cancelled").asInt()).isEqualTo(1);

        // Cancelling an ended job is accepted and changes nothing, as in Flink.
        assertThat(rest.send("PATCH", "/jobs/" + id, null).status()).isEqualTo(202);
        assertThat(rest.get("/jobs/" + id).json().get("state").asText()).isEqualTo("CANCELED");
    }

    // ------------------------------------------------------------------ errors

    private void assertError(RestClient.Reply r, int status, String message) throws Exception {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.json()).isEqualTo(json("{\"errors\":[" + RestClient.MAPPER.writeValueAsString(message) + "]}"));
        // The cluster keeps serving.
        assertThat(rest.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void whenRequestsAreBad_thenEachGetsItsStatusAndAnErrorsBody() throws Exception {
        String unknown = "0123456789abcdef0123456789abcdef";

        assertError(rest.get("/nope"), 404, "Not found: /nope");
        assertError(rest.get("/jobs/" + unknown + "/nope"), 404, "Not found: /jobs/" + unknown + "/nope");
        assertError(
                rest.get("/jobs/" + unknown),
                404,
                "No job with id " + unknown + " was submitted to this cluster; list the jobs to see the known ids");
        assertError(
                rest.get("/jobs/" + unknown + "/exceptions"),
                404,
                "No job with id " + unknown + " was submitted to this cluster; list the jobs to see the known ids");
        assertError(
                rest.send("PATCH", "/jobs/" + unknown, null),
                404,
                "No job with id " + unknown + " was submitted to this cluster; list the jobs to see the known ids");
        assertError(rest.get("/jobs/xyz"), 400, "Malformed job id 'xyz': expected 32 hex digits");
        assertError(rest.get("/jobs/xyz/plan"), 400, "Malformed job id 'xyz': expected 32 hex digits");
        assertError(
                rest.get("/taskmanagers/tm-9"),
                404,
                "No TaskManager with id 'tm-9' is registered; GET /taskmanagers lists them");

        RestClient.Reply post = rest.send("POST", "/jobs", "{}");
        assertError(post, 405, "Method POST is not allowed on /jobs; allowed: GET");
        assertThat(post.raw().headers().firstValue("Allow")).hasValue("GET");
        assertError(
                rest.send("DELETE", "/jobs/" + unknown, null),
                405,
                "Method DELETE is not allowed on /jobs/" + unknown + "; allowed: GET, PATCH");

        String id = startRunning(RestTestJobs.unbounded());
        RestClient.Reply malformed = rest.send("PATCH", "/jobs/" + id, "{\"mode\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).asText()).startsWith("The request body is not valid JSON: ");
        assertError(
                rest.send("PATCH", "/jobs/" + id + "?mode=stop", null),
                400,
                "Unsupported termination mode 'stop'; the only supported mode is 'cancel'");
        // None of the bad requests touched the job.
        assertThat(rest.get("/jobs/" + id).json().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void whenPathHasFlinksVersionPrefix_thenItIsServedToo() throws Exception {
        assertThat(rest.get("/v1/overview").json())
                .isEqualTo(rest.get("/overview").json());
        assertThat(rest.get("/v1/jobs").json()).isEqualTo(json("{\"jobs\":[]}"));
    }

    @Test
    void whenManyClientsAskAtOnce_thenEveryAnswerIsRight() throws Exception {
        String id = runToEnd(RestTestJobs.finishing());
        awaitAllSlotsFree();
        String unknown = "0123456789abcdef0123456789abcdef";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i;
                Callable<Boolean> call = () -> switch (k % 5) {
                    case 0 -> rest.get("/overview").json().get("jobs-finished").asInt() == 1;
                    case 1 -> rest.get("/jobs/" + id)
                            .json()
                            .get("state")
                            .asText()
                            .equals("FINISHED");
                    case 2 -> rest.get("/jobs/" + unknown).status() == 404;
                    case 3 -> rest.get("/jobs/bad").status() == 400;
                    default -> rest.get("/taskmanagers")
                                    .json()
                                    .get("taskmanagers")
                                    .size()
                            == 2;
                };
                answers.add(pool.submit(call));
            }
            for (Future<Boolean> f : answers) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenManyClientsCancelTheSameJobAtOnce_thenAllAreAcceptedAndTheJobIsCanceledOnce() throws Exception {
        String id = startRunning(RestTestJobs.unbounded());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RestClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> rest.send("PATCH", "/jobs/" + id + "?mode=cancel", null)));
            }
            for (Future<RestClient.Reply> f : replies) {
                RestClient.Reply r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(202);
                assertThat(r.json()).isEqualTo(json("{}"));
            }
        } finally {
            pool.shutdownNow();
        }
        awaitState(id, "CANCELED");
        awaitAllSlotsFree();
        assertThat(rest.get("/overview").json().get("jobs-cancelled").asInt()).isEqualTo(1);
        assertThat(rest.get("/jobs/" + id + "/exceptions")
                        .json()
                        .get("exceptionHistory")
                        .get("entries"))
                .isEmpty();
    }

    @Test
    void whenRestPortIsTaken_thenTheSecondClusterFailsToStartNamingThePort() throws Exception {
        int port = URI.create(cluster.getRestBaseUrl()).getPort();
        Configuration conf = new Configuration();
        conf.set(ClusterOptions.LOCAL_REST_ENABLED, true);
        conf.set(RestOptions.PORT, port);
        MiniCluster second = new MiniCluster(
                MiniClusterConfiguration.builder().setConfiguration(conf).build());

        Throwable t = catchThrowable(second::start);

        assertThat(t)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The MiniCluster's REST endpoint could not start on 127.0.0.1:" + port
                        + " (is the port taken? set rest.port, 0 for any): java.net.BindException");
        // The first cluster is untouched.
        assertThat(rest.get("/overview").status()).isEqualTo(200);
    }

    @Test
    void whenRestIsNotEnabled_thenTheMiniClusterHasNoEndpoint() throws Exception {
        try (MiniCluster plain = new MiniCluster(
                MiniClusterConfiguration.builder().setNumTaskManagers(1).build())) {
            plain.start();
            Throwable t = catchThrowable(plain::getRestBaseUrl);
            assertThat(t)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("This MiniCluster has no REST endpoint; set 'local.rest.enabled' to true in its"
                            + " configuration");
        }
    }
}
