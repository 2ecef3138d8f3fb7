package io.sluice.runtime.blob;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link BlobStore} read-only over HTTP: {@code GET /blobs/{key}}.
 *
 * <pre>
 *   200  the blob's bytes (the open file is verified against the key, then sent)
 *   400  the path segment is not a key (64 lowercase hex digits); nothing is looked up
 *   404  no blob with that key
 *   405  any method but GET
 *   500  the stored file is corrupted; the body names the key
 * </pre>
 *
 * <p>The key is taken from the raw (still percent-encoded) path and validated as a {@link BlobKey},
 * so {@code ..}, separators and encoded separators are rejected before the store is asked. Uploads
 * do not come through here: they reach the store through the Dispatcher.
 *
 * <p>Threading: requests run on a small pool of daemon threads owned by this server; the store is
 * thread-safe. {@link #close()} stops accepting and waits briefly for running requests.
 */
public final class BlobServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobServer.class);
    static final String PATH_PREFIX = "/blobs/";

    private final BlobStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    private BlobServer(BlobStore store, HttpServer server, ExecutorService executor) {
        this.store = store;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1 at an ephemeral port. */
    public static BlobServer start(BlobStore store) throws IOException {
        return start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
    }

    /** Starts serving on {@code bindAddress} (port 0 for an ephemeral one) with {@code threads} handlers. */
    public static BlobServer start(BlobStore store, InetSocketAddress bindAddress, int threads) throws IOException {
        HttpServer server = HttpServer.create(bindAddress, 0);
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "blob-server-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BlobServer blobServer = new BlobServer(store, server, executor);
        server.createContext(PATH_PREFIX, blobServer::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Blob server serving {} on {}", store.getStorageDir(), server.getAddress());
        return blobServer;
    }

    public InetSocketAddress getAddress() {
        return server.getAddress();
    }

    public int getPort() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                sendText(exchange, 405, "Only GET is supported");
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String candidate = rawPath.startsWith(PATH_PREFIX) ? rawPath.substring(PATH_PREFIX.length()) : rawPath;
            if (!BlobKey.isValid(candidate)) {
                sendText(exchange, 400, "Not a blob key (expected 64 lowercase hex digits)");
                return;
            }
            BlobKey key = new BlobKey(candidate);
            FileChannel blob;
            try {
                blob = store.openVerified(key);
            } catch (NoSuchFileException e) {
                sendText(exchange, 404, "No blob with key " + key);
                return;
            } catch (BlobCorruptedException e) {
                LOG.error("Refusing to serve a corrupted blob: {}", e.getMessage());
                sendText(exchange, 500, "Blob " + key + " is corrupted on the server and will not be served");
                return;
            }
            try (blob;
                    OutputStream body = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, blob.size());
                Channels.newInputStream(blob).transferTo(body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Blob request {} from {} failed", exchange.getRequestURI(), exchange.getRemoteAddress(), e);
            throw e;
        }
    }

    private static void sendText(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
