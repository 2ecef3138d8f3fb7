package io.sluice.runtime.rest;

import static io.sluice.runtime.rest.RestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server without a cluster: routing, query parsing and how failures become responses. */
class RestServerEndpointTest {
    private RestServerEndpoint endpoint;

    private RestClient start(Router router, Duration timeout, int maxBody) throws Exception {
        endpoint = new RestServerEndpoint(router, new JdkHttpTransport(2, maxBody), timeout);
        endpoint.start("127.0.0.1", 0);
        return new RestClient(endpoint.getRestBaseUrl());
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void whenHandlerThrows_thenTheAnswerIs500WithTheMessageAndNoStackTrace() throws Exception {
        Router router = new Router()
                .add("GET", "/sync", r -> {
                    throw new IllegalStateException("kaput");
                })
                .add("GET", "/async", r -> CompletableFuture.failedFuture(new ArithmeticException("div by 0")))
                .add("GET", "/ok", r -> CompletableFuture.completedFuture(RestResponse.ok(Map.of("a", 1))));
        RestClient rest = start(router, Duration.ofSeconds(5), 1024);

        RestClient.Reply sync = rest.get("/sync");
        assertThat(sync.status()).isEqualTo(500);
        assertThat(sync.json())
                .isEqualTo(json("{\"errors\":[\"Internal server error: java.lang.IllegalStateException: kaput\"]}"));
        RestClient.Reply async = rest.get("/async");
        assertThat(async.status()).isEqualTo(500);
        assertThat(async.json())
                .isEqualTo(json("{\"errors\":[\"Internal server error: java.lang.ArithmeticException: div by 0\"]}"));
        assertThat(rest.get("/ok").json()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void whenClusterDoesNotAnswerInTime_thenTheAnswerIs503() throws Exception {
        Router router = new Router().add("GET", "/slow", r -> new CompletableFuture<>());
        RestClient rest = start(router, Duration.ofMillis(200), 1024);

        RestClient.Reply r = rest.get("/slow");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json()).isEqualTo(json("{\"errors\":[\"The cluster did not answer GET /slow within PT0.2S\"]}"));
    }

    @Test
    void whenBodyIsTooLarge_thenTheAnswerIs413() throws Exception {
        Router router = new Router()
                .add(
                        "POST",
                        "/echo",
                        r -> CompletableFuture.completedFuture(RestResponse.ok(Map.of("n", r.body().length))));
        RestClient rest = start(router, Duration.ofSeconds(5), 16);

        RestClient.Reply big = rest.send("POST", "/echo", "[" + "1,".repeat(20) + "1]");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json()).isEqualTo(json("{\"errors\":[\"The request body is larger than 16 bytes\"]}"));
        assertThat(rest.send("POST", "/echo", "[1,2]").json()).isEqualTo(json("{\"n\":5}"));
    }

    @Test
    void whenRoutesOverlap_thenTheLiteralSegmentWinsAndParametersAreBound() throws Exception {
        Router router = new Router()
                .add(
                        "GET",
                        "/jobs/:jobid",
                        r -> CompletableFuture.completedFuture(RestResponse.ok(
                                Map.of("param", r.pathParameter("jobid"), "query", r.queryParameters()))))
                .add(
                        "GET",
                        "/jobs/overview",
                        r -> CompletableFuture.completedFuture(RestResponse.ok(Map.of("literal", true))));
        RestClient rest = start(router, Duration.ofSeconds(5), 1024);

        assertThat(rest.get("/jobs/overview").json()).isEqualTo(json("{\"literal\":true}"));
        assertThat(rest.get("/jobs/abc?mode=a%20b&x").json())
                .isEqualTo(json("{\"param\":\"abc\",\"query\":{\"mode\":\"a b\",\"x\":\"\"}}"));
        assertThat(rest.get("/jobs/abc/").json().get("param").asText()).isEqualTo("abc");
        assertThat(rest.get("/jobs").status()).isEqualTo(404);
    }
}
