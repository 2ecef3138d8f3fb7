package io.sluice.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sluice.runtime.dispatcher.JobNotFoundException;
import io.sluice.runtime.rest.messages.ErrorResponseBody;
import io.sluice.runtime.rpc.EndpointStoppedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Router} over an {@link HttpTransport}: parses the query and checks the body is
 * JSON, calls the handler, writes its result as JSON and turns every failure into
 * {@code {"errors": ["..."]}} with its status code (400 bad input, 404 unknown path or job, 405
 * wrong method, 413 body too large, 503 cluster busy or stopping, 500 anything else — with a message,
 * never a stack trace; that goes to the log). A bad request never affects the next one.
 *
 * <p>Paths may carry Flink's version prefix {@code /v1}. Threading: requests arrive concurrently on
 * the transport's threads; this class keeps no mutable state after {@link #start}.
 */
public class RestServerEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServerEndpoint.class);
    private static final String VERSION_PREFIX = "/v1";

    private final Router router;
    private final HttpTransport transport;
    private final Duration awaitTimeout;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private volatile InetSocketAddress address;

    public RestServerEndpoint(Router router, HttpTransport transport, Duration awaitTimeout) {
        this.router = router;
        this.transport = transport;
        this.awaitTimeout = awaitTimeout;
    }

    /** Binds and serves; returns the bound address. */
    public InetSocketAddress start(String host, int port) throws Exception {
        address = transport.start(host, port, this::process);
        LOG.info("REST endpoint listening on http://{}:{}", address.getHostString(), address.getPort());
        return address;
    }

    /** The bound address; null before {@link #start}. */
    public InetSocketAddress getAddress() {
        return address;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String getRestBaseUrl() {
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        transport.close();
    }

    private CompletableFuture<HttpTransport.Response> process(
            String method, String rawPath, String rawQuery, byte[] body) {
        String path = rawPath.equals(VERSION_PREFIX) || rawPath.startsWith(VERSION_PREFIX + "/")
                ? rawPath.substring(VERSION_PREFIX.length())
                : rawPath;
        try {
            Router.Match match = router.route(method, path);
            if (match instanceof Router.NotFound) {
                throw new RestHandlerException(404, "Not found: " + rawPath);
            }
            if (match instanceof Router.MethodNotAllowed m) {
                return CompletableFuture.completedFuture(error(
                        405,
                        "Method " + method + " is not allowed on " + rawPath + "; allowed: "
                                + String.join(", ", m.allowed()),
                        Map.of("Allow", String.join(", ", m.allowed()))));
            }
            Router.Found found = (Router.Found) match;
            if (!found.rawBody()) {
                checkJsonBody(body);
            }
            RestRequest request = new RestRequest(method, path, found.pathParameters(), parseQuery(rawQuery), body);
            return found.handler()
                    .handle(request)
                    .orTimeout(awaitTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> error == null ? toHttp(response) : failure(method, rawPath, error));
        } catch (Throwable t) {
            return CompletableFuture.completedFuture(failure(method, rawPath, t));
        }
    }

    private void checkJsonBody(byte[] body) {
        if (body.length == 0) {
            return;
        }
        try {
            mapper.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new RestHandlerException(400, "The request body is not valid JSON: " + detail);
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                query.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new RestHandlerException(400, "Malformed query parameter '" + pair + "': " + e.getMessage());
            }
        }
        return query;
    }

    private HttpTransport.Response toHttp(RestResponse response) {
        try {
            return new HttpTransport.Response(response.status(), Map.of(), mapper.writeValueAsBytes(response.body()));
        } catch (JsonProcessingException e) {
            LOG.error("Could not write a REST response as JSON", e);
            return error(500, "Internal server error: the response could not be written as JSON", Map.of());
        }
    }

    private HttpTransport.Response failure(String method, String path, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RestHandlerException r) {
            return error(r.getStatus(), r.getMessage(), Map.of());
        }
        if (e instanceof JobNotFoundException) {
            return error(404, e.getMessage(), Map.of());
        }
        if (e instanceof TimeoutException) {
            return error(
                    503, "The cluster did not answer " + method + " " + path + " within " + awaitTimeout, Map.of());
        }
        if (e instanceof EndpointStoppedException || e instanceof RejectedExecutionException) {
            return error(503, "The cluster is shutting down: " + e.getMessage(), Map.of());
        }
        LOG.warn("REST request {} {} failed", method, path, e);
        return error(500, "Internal server error: " + e, Map.of());
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private HttpTransport.Response error(int status, String message, Map<String, String> headers) {
        try {
            return new HttpTransport.Response(
                    status, headers, mapper.writeValueAsBytes(new ErrorResponseBody(List.of(message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an error message as JSON", e);
        }
    }
}
