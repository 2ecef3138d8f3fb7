package io.sluice.client.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.rest.messages.JarMessages.JarRunResponseBody;
import io.sluice.runtime.rest.messages.JarMessages.JarUploadResponseBody;
import io.sluice.runtime.rest.messages.JobMessages.JobDetailsInfo;
import io.sluice.runtime.rest.messages.JobMessages.JobExceptionsInfo;
import io.sluice.runtime.rest.messages.JobMessages.JobIdWithStatus;
import io.sluice.runtime.rest.messages.JobMessages.JobIdsWithStatusOverview;
import io.sluice.runtime.rest.messages.JobMessages.JobOverview;
import io.sluice.runtime.rest.messages.JobMessages.MultipleJobsDetails;
import io.sluice.runtime.rest.messages.JobResultMessages;
import io.sluice.runtime.rest.messages.JobResultMessages.JobExecutionResultInfo;
import io.sluice.runtime.rest.messages.JobResultMessages.JobExecutionResultResponseBody;
import io.sluice.runtime.rest.messages.JobResultMessages.JobStatusInfo;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client of one cluster's REST API (docs/rest-api.md): uploads and runs jars, lists jobs, asks
 * for a job's status, details, exceptions and result, and cancels jobs.
 *
 * <p>Every call is asynchronous and returns a future; nothing blocks the caller. A future fails
 * with {@link RestClientException} when the cluster answers with an error (its message is the
 * cluster's), and with {@link ClusterUnreachableException} when no cluster answers at the address.
 * Thread-safe: one instance may serve many threads.
 */
public final class RestClusterClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Per request; a jar run also waits for the program's main() to submit its job. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final int MAX_BUSY_ANSWERS = 10;

    private final URI baseUrl;
    private final HttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A client of the cluster whose REST API listens at {@code http://host:port}. */
    public RestClusterClient(String host, int port) {
        this(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
    }

    /** A client of the cluster whose REST API is at {@code baseUrl} ({@code http://host:port}). */
    public RestClusterClient(URI baseUrl) {
        String s = baseUrl.toString();
        this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The REST API's address, {@code http://host:port}. */
    public URI getBaseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------ jars

    /** Uploads {@code jar} ({@code POST /jars/upload}); completes with the jar id the cluster chose. */
    public CompletableFuture<String> uploadJar(Path jar) {
        byte[] content;
        try {
            content = Files.readAllBytes(jar);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new UncheckedIOException("Could not read the jar '" + jar + "': " + e.getMessage(), e));
        }
        String fileName = jar.getFileName().toString();
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            // The cluster takes .jar names only; the name is metadata, the content decides.
            fileName = fileName + ".jar";
        }
        String boundary = "----sluice-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 256);
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + fileName.replace("\"", "")
                        + "\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request("/jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return send(request, JarUploadResponseBody.class).thenApply(JarUploadResponseBody::filename);
    }

    /**
     * Runs the uploaded jar's {@code main} on the cluster ({@code POST /jars/:jarid/run}); completes
     * with the id of the job it submitted.
     *
     * @param entryClass the class whose main runs; null for the jar manifest's Main-Class
     * @param parallelism the default parallelism of the program's jobs; null for the cluster's
     */
    public CompletableFuture<JobID> runJar(
            String jarId, String entryClass, List<String> programArgs, Integer parallelism) {
        return runJar(jarId, entryClass, programArgs, parallelism, SavepointRestoreSettings.none());
    }

    /**
     * As {@link #runJar(String, String, List, Integer)}, the program's jobs starting from
     * {@code restore} ({@code savepointPath} and {@code allowNonRestoredState} of the request).
     */
    public CompletableFuture<JobID> runJar(
            String jarId,
            String entryClass,
            List<String> programArgs,
            Integer parallelism,
            SavepointRestoreSettings restore) {
        ObjectNode body = mapper.createObjectNode();
        if (restore.restoreSavepoint()) {
            body.put("savepointPath", restore.restorePath());
            body.put("allowNonRestoredState", restore.allowNonRestoredState());
        }
        if (entryClass != null) {
            body.put("entryClass", entryClass);
        }
        programArgs.forEach(body.putArray("programArgsList")::add);
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        HttpRequest request;
        try {
            request = request("/jars/" + jarId + "/run")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(request, JarRunResponseBody.class).thenApply(r -> JobID.fromHexString(r.jobid()));
    }

    /** Removes an uploaded jar ({@code DELETE /jars/:jarid}). */
    public CompletableFuture<Void> deleteJar(String jarId) {
        return send(request("/jars/" + jarId).DELETE().build(), JsonNode.class).thenApply(ignored -> null);
    }

    // ------------------------------------------------------------------ jobs

    /** Every job's id and status ({@code GET /jobs}). */
    public CompletableFuture<List<JobIdWithStatus>> listJobs() {
        return send(request("/jobs").GET().build(), JobIdsWithStatusOverview.class)
                .thenApply(JobIdsWithStatusOverview::jobs);
    }

    /** Every job with its name, state and times ({@code GET /jobs/overview}), in submission order. */
    public CompletableFuture<List<JobOverview>> listJobOverviews() {
        return send(request("/jobs/overview").GET().build(), MultipleJobsDetails.class)
                .thenApply(MultipleJobsDetails::jobs);
    }

    /** One job's state, times and vertices ({@code GET /jobs/:jobid}). */
    public CompletableFuture<JobDetailsInfo> getJobDetails(JobID jobId) {
        return send(request("/jobs/" + jobId.toHexString()).GET().build(), JobDetailsInfo.class);
    }

    /** The job's status ({@code GET /jobs/:jobid/status}). */
    public CompletableFuture<JobStatus> getJobStatus(JobID jobId) {
        return send(request("/jobs/" + jobId.toHexString() + "/status").GET().build(), JobStatusInfo.class)
                .thenApply(s -> JobStatus.valueOf(s.status()));
    }

    /** The failure that failed the job, if any ({@code GET /jobs/:jobid/exceptions}). */
    public CompletableFuture<JobExceptionsInfo> getJobExceptions(JobID jobId) {
        return send(
                request("/jobs/" + jobId.toHexString() + "/exceptions").GET().build(), JobExceptionsInfo.class);
    }

    /**
     * Asks the cluster to cancel the job ({@code PATCH /jobs/:jobid?mode=cancel}); completes once
     * the cancellation started. The job then goes CANCELLING, CANCELED.
     */
    public CompletableFuture<Void> cancel(JobID jobId) {
        HttpRequest request = request("/jobs/" + jobId.toHexString() + "?mode=cancel")
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request, JsonNode.class).thenApply(ignored -> null);
    }

    /**
     * The job's result if it ended ({@code GET /jobs/:jobid/execution-result}), empty while it
     * runs. Accumulators and the failure stay serialized: they may need the job's class loader.
     */
    public CompletableFuture<Optional<JobResult>> requestJobResult(JobID jobId) {
        return send(
                        request("/jobs/" + jobId.toHexString() + "/execution-result")
                                .GET()
                                .build(),
                        JobExecutionResultResponseBody.class)
                .thenApply(body -> {
                    if (!JobResultMessages.COMPLETED.equals(body.status().id())) {
                        return Optional.empty();
                    }
                    return Optional.of(toJobResult(jobId, body.jobExecutionResult()));
                });
    }

    /**
     * Completes with the job's result once it reached a terminal state, polling
     * {@link #requestJobResult} with a back-off from 10 ms doubling up to 500 ms between polls. A
     * busy cluster (503) is asked again, up to {@value #MAX_BUSY_ANSWERS} times in a row; any other
     * error fails the future.
     */
    public CompletableFuture<JobResult> awaitJobResult(JobID jobId) {
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        poll(jobId, FIRST_POLL, 0, result);
        return result;
    }

    private void poll(JobID jobId, Duration delay, int busyAnswers, CompletableFuture<JobResult> result) {
        requestJobResult(jobId).whenComplete((r, error) -> {
            Throwable e = error == null ? null : unwrap(error);
            boolean busy = e instanceof RestClientException rest && rest.getStatus() == 503;
            if (e != null && (!busy || busyAnswers + 1 >= MAX_BUSY_ANSWERS)) {
                result.completeExceptionally(e);
            } else if (r != null && r.isPresent()) {
                result.complete(r.get());
            } else if (!result.isDone()) {
                Duration next = delay.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : delay.multipliedBy(2);
                Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
                later.execute(() -> poll(jobId, next, busy ? busyAnswers + 1 : 0, result));
            }
        });
    }

    private static JobResult toJobResult(JobID jobId, JobExecutionResultInfo info) {
        if (info == null) {
            throw new IllegalStateException(
                    "The cluster reported job " + jobId + " as completed but sent no result; is it a Sluice cluster?");
        }
        SerializedValue<java.util.Map<String, Object>> accumulators = info.serializedAccumulatorResults() == null
                ? null
                : SerializedValue.fromBytes(Base64.getDecoder().decode(info.serializedAccumulatorResults()));
        SerializedThrowable failure = null;
        if (info.failureCause() != null) {
            failure = failureCause(info.failureCause());
        }
        return new JobResult(
                JobID.fromHexString(info.id()),
                info.name(),
                JobStatus.valueOf(info.jobStatus()),
                info.netRuntime(),
                accumulators,
                failure,
                info.failedTask());
    }

    private static SerializedThrowable failureCause(JobResultMessages.FailureCause cause) {
        if (cause.serializedThrowable() != null) {
            try {
                SerializedValue<SerializedThrowable> value =
                        SerializedValue.fromBytes(Base64.getDecoder().decode(cause.serializedThrowable()));
                return value.deserialize(SerializedThrowable.class.getClassLoader());
            } catch (IOException | ClassNotFoundException | IllegalArgumentException e) {
                // A client of another version; the text below still says what happened.
            }
        }
        return new SerializedThrowable(new RemoteFailure(cause.className(), cause.stackTrace()));
    }

    /** A failure known only as text: the remote exception's class and stack trace. */
    static final class RemoteFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String className, String stackTrace) {
            super(stackTrace == null || stackTrace.isBlank() ? className : stackTrace.strip());
        }
    }

    // ------------------------------------------------------------------ HTTP

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
    }

    private <T> CompletableFuture<T> send(HttpRequest request, Class<T> type) {
        return send(request, body -> {
            try {
                return mapper.readValue(body, type);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "The answer to " + request.method() + " " + request.uri() + " is not what a Sluice cluster"
                                + " sends: " + e.getMessage(),
                        e);
            }
        });
    }

    private <T> CompletableFuture<T> send(HttpRequest request, Function<byte[], T> parse) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(translate(request, unwrap(error)));
            }
            if (response.statusCode() >= 400) {
                throw new RestClientException(response.statusCode(), errors(response.body()));
            }
            return parse.apply(response.body());
        });
    }

    private Throwable translate(HttpRequest request, Throwable error) {
        if (error instanceof ConnectException || error instanceof HttpConnectTimeoutException) {
            return new ClusterUnreachableException(unreachableMessage(baseUrl), error);
        }
        if (error instanceof IOException) {
            return new ClusterUnreachableException(
                    "The connection to the Sluice cluster at " + baseUrl + " failed during " + request.method() + " "
                            + request.uri().getPath() + ": " + error,
                    error);
        }
        return error;
    }

    /** What a client says when nothing answers at {@code baseUrl}. */
    public static String unreachableMessage(URI baseUrl) {
        return "Could not reach the Sluice cluster at " + baseUrl
                + " (is it running? set -m host:port or rest.address/rest.port)";
    }

    private List<String> errors(byte[] body) {
        List<String> errors = new ArrayList<>();
        try {
            JsonNode node = mapper.readTree(body);
            JsonNode list = node == null ? null : node.get("errors");
            if (list != null && list.isArray()) {
                list.forEach(e -> errors.add(e.asText()));
            }
        } catch (IOException e) {
            // Not JSON (a proxy's error page?): the raw text says more than nothing.
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                errors.add(text.length() > 500 ? text.substring(0, 500) + "..." : text);
            }
        }
        return errors;
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Nothing to release: the JDK's HTTP client closes idle connections itself. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "RestClusterClient{" + baseUrl + "}";
    }
}
