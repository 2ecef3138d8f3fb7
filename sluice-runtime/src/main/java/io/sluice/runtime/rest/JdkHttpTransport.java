package io.sluice.runtime.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HttpTransport} on the JDK's {@code com.sun.net.httpserver}: no dependencies. A small pool
 * of daemon threads reads requests and hands them to the processor; the response is written when
 * the processor's future completes. Request bodies above {@code maxBodyBytes} are refused with 413
 * before they are read in full.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** How much of a too-large request body is read and dropped before the 413 answer. */
    static final long SWALLOW_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);

    private final int threads;
    private final int maxBodyBytes;
    private HttpServer server;
    private ExecutorService executor;

    public JdkHttpTransport(int threads, int maxBodyBytes) {
        this.threads = threads;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public synchronized InetSocketAddress start(String host, int port, Processor processor) throws IOException {
        if (server != null) {
            throw new IllegalStateException("The HTTP transport is already started on " + server.getAddress());
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 64);
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        s.createContext("/", exchange -> serve(exchange, processor));
        s.setExecutor(executor);
        s.start();
        server = s;
        return s.getAddress();
    }

    private void serve(HttpExchange exchange, Processor processor) {
        CompletableFuture<Response> response;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                response = CompletableFuture.completedFuture(tooLarge());
            } else {
                response = processor.process(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read a request from {}", exchange.getRemoteAddress(), e);
            exchange.close();
            return;
        }
        response.whenComplete((r, error) -> write(exchange, r, error));
    }

    /**
     * The body, or null when it is larger than the limit. The rest of a too-large body is read and
     * dropped (up to {@link #SWALLOW_BYTES} more), so the client, still sending, gets the 413 answer
     * instead of a connection reset; beyond that the connection is closed.
     */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > maxBodyBytes) {
                long dropped = 0;
                while (dropped < SWALLOW_BYTES && (n = in.read(buf)) >= 0) {
                    dropped += n;
                }
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private Response tooLarge() {
        String json = "{\"errors\":[\"The request body is larger than " + maxBodyBytes + " bytes\"]}";
        return new Response(413, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, Response response, Throwable error) {
        if (error != null) {
            // The processor turns failures into responses; this is a bug, but the client still gets an answer.
            LOG.error(
                    "The REST processor failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), error);
            String json = "{\"errors\":[\"Internal server error\"]}";
            response = new Response(500, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(response.status(), response.jsonBody().length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(response.jsonBody());
            }
        } catch (IOException e) {
            LOG.debug("Could not write the response to {}", exchange.getRemoteAddress(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sluice-rest-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
