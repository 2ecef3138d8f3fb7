package io.sluice.runtime.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobServerAndClientTest {
    @TempDir
    Path dir;

    private BlobStore store;
    private BlobServer server;

    @BeforeEach
    void startServer() throws IOException {
        store = new BlobStore(dir.resolve("server"));
        server = BlobServer.start(store);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private BlobClient client() throws IOException {
        return new BlobClient(server.getAddress(), dir.resolve("cache"), Duration.ofSeconds(10));
    }

    private BlobKey put(String content) throws IOException {
        return store.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    @Test
    void serverListensOnLoopbackAtAnEphemeralPort() {
        assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.getPort()).isPositive();
    }

    @Test
    void whenClientFetchesABlob_thenItIsVerifiedCachedAndReusedWithoutTheServer() throws Exception {
        BlobKey key = put("user code");
        BlobClient client = client();

        Path file = client.getFile(key);

        assertThat(file).isEqualTo(dir.resolve("cache").resolve(key.hex()).toAbsolutePath());
        assertThat(Files.readString(file)).isEqualTo("user code");
        assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).containsExactly(key.hex());

        server.close();
        assertThat(client.getFile(key)).isEqualTo(file);
        assertThat(Files.readString(client.getFile(key))).isEqualTo("user code");
    }

    @Test
    void whenManyTasksFetchTheSameBlobAtOnce_thenAllGetTheSameIntactFile() throws Exception {
        byte[] content = new byte[500_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7);
        }
        BlobKey key = store.put(new ByteArrayInputStream(content), 1 << 20);
        BlobClient client = client();
        int threads = 6;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    return client.getFile(key);
                }));
            }
            for (Future<Path> result : results) {
                assertThat(Files.readAllBytes(result.get())).isEqualTo(content);
            }
            assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).containsExactly(key.hex());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenCachedFileIsCorrupted_thenClientFetchesItAgain() throws Exception {
        BlobKey key = put("good bytes");
        BlobClient client = client();
        Path file = client.getFile(key);
        Files.writeString(file, "bad bytes");

        Path again = client.getFile(key);

        assertThat(again).isEqualTo(file);
        assertThat(Files.readString(again)).isEqualTo("good bytes");
        assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).containsExactly(key.hex());
    }

    @Test
    void whenServerCopyIsCorrupted_thenClientFailsNamingTheKeyAndCachesNothing() throws Exception {
        BlobKey key = put("original");
        Files.writeString(store.getStorageDir().resolve(key.hex()), "tampered");
        BlobClient client = client();

        assertThatThrownBy(() -> client.getFile(key))
                .isInstanceOf(IOException.class)
                .hasMessage("Could not fetch blob " + key + " from the blob server at " + server.getAddress()
                        + ": HTTP 500: Blob " + key + " is corrupted on the server and will not be served");
        assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).isEmpty();
    }

    @Test
    void whenServerSendsBytesThatDoNotMatchTheKey_thenClientDiscardsThem() throws Exception {
        HttpServer liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        liar.createContext("/", exchange -> {
            byte[] evil = "evil".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, evil.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(evil);
            }
        });
        liar.start();
        try {
            BlobClient client = new BlobClient(liar.getAddress(), dir.resolve("cache"), Duration.ofSeconds(10));
            BlobKey key = new BlobKey(BlobStoreTest.sha256("good".getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(() -> client.getFile(key))
                    .isInstanceOf(BlobCorruptedException.class)
                    .hasMessage("Blob " + key + " downloaded from the blob server at " + liar.getAddress()
                            + " has SHA-256 " + BlobStoreTest.sha256("evil".getBytes(StandardCharsets.UTF_8))
                            + "; the download was discarded");
            assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).isEmpty();
        } finally {
            liar.stop(0);
        }
    }

    @Test
    void whenBlobIsUnknown_thenClientFailsWith404() throws Exception {
        BlobKey key = new BlobKey("ab".repeat(32));
        BlobClient client = client();

        assertThatThrownBy(() -> client.getFile(key))
                .isInstanceOf(IOException.class)
                .hasMessage("Could not fetch blob " + key + " from the blob server at " + server.getAddress()
                        + ": HTTP 404: No blob with key " + key);
        assertThat(BlobStoreTest.filesIn(dir.resolve("cache"))).isEmpty();
    }

    @Test
    void whenServerIsDown_thenClientErrorNamesTheServer() throws Exception {
        BlobKey key = put("x");
        BlobClient client = client();
        InetSocketAddress address = server.getAddress();
        server.close();

        assertThatThrownBy(() -> client.getFile(key))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Could not fetch blob " + key + " from the blob server at " + address
                        + " (is the JobManager running and reachable?)");
    }

    @Test
    void whenRequestPathIsNotAKey_thenServerAnswers400() throws Exception {
        put("secret neighbour");
        Files.writeString(dir.resolve("outside.txt"), "must not be served");
        String hex = "ab".repeat(32);
        for (String path : new String[] {
            "/blobs/../outside.txt",
            "/blobs/..%2Foutside.txt",
            "/blobs/%2Fetc%2Fpasswd",
            "/blobs/" + dir.resolve("outside.txt"),
            "/blobs/" + hex.toUpperCase(),
            "/blobs/" + hex + "/x",
            "/blobs/" + hex + "%00",
            "/blobs/"
        }) {
            HttpURLConnection connection = open(path);
            assertThat(connection.getResponseCode()).as(path).isEqualTo(400);
            try (InputStream error = connection.getErrorStream()) {
                assertThat(new String(error.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("Not a blob key (expected 64 lowercase hex digits)");
            }
        }
    }

    @Test
    void whenMethodIsNotGet_thenServerAnswers405() throws Exception {
        HttpURLConnection connection = open("/blobs/" + put("x").hex());
        connection.setRequestMethod("DELETE");
        assertThat(connection.getResponseCode()).isEqualTo(405);
        assertThat(store.list()).hasSize(1);
    }

    private HttpURLConnection open(String rawPath) throws IOException {
        // URL (not URI) keeps the path exactly as written, including dot segments.
        URL url = new URL("http", "127.0.0.1", server.getPort(), rawPath);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        return connection;
    }
}
