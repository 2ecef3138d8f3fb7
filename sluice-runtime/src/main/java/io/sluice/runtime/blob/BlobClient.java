package io.sluice.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's view of the blob server: fetches blobs into a local cache directory.
 *
 * <p>{@link #getFile} returns a cached file when one exists and still hashes to its key; otherwise
 * (missing, or damaged on local disk) it downloads the blob into a temporary file in the cache
 * directory, checks the SHA-256 of the received bytes against the key, and renames it into place.
 * A download that does not match is deleted and reported; it is never handed out.
 *
 * <p>Threading: no mutable state besides the cache directory; safe to call from any thread. Two
 * threads asking for the same missing blob may both download it; the atomic rename makes that
 * harmless.
 */
public final class BlobClient {
    private static final Logger LOG = LoggerFactory.getLogger(BlobClient.class);

    private final InetSocketAddress serverAddress;
    private final Path cacheDir;
    private final Duration timeout;

    public BlobClient(InetSocketAddress serverAddress, Path cacheDir, Duration timeout) throws IOException {
        this.serverAddress = serverAddress;
        this.cacheDir = Files.createDirectories(cacheDir).toAbsolutePath();
        this.timeout = timeout;
    }

    public Path getCacheDir() {
        return cacheDir;
    }

    /** The local, verified file holding the blob, downloading it if the cache has no good copy. */
    public Path getFile(BlobKey key) throws IOException {
        Path cached = cacheDir.resolve(key.hex());
        if (Files.isRegularFile(cached)) {
            if (Sha256.ofFile(cached).equals(key.hex())) {
                return cached;
            }
            LOG.warn("Cached blob {} at {} is corrupted; fetching it again from {}", key, cached, serverAddress);
            Files.deleteIfExists(cached);
        }
        download(key, cached);
        return cached;
    }

    /** Removes the cached copy; returns false when there was none. */
    public boolean deleteCached(BlobKey key) throws IOException {
        return Files.deleteIfExists(cacheDir.resolve(key.hex()));
    }

    private void download(BlobKey key, Path target) throws IOException {
        // HttpURLConnection rather than java.net.http.HttpClient: a TaskManager fetches jars once per
        // job, and the latter costs about 300 ms more on its first use in a fresh JVM (measured),
        // which delays the first deployment of every job on a new TaskManager.
        URL url = URI.create("http://" + serverAddress.getHostString() + ":" + serverAddress.getPort()
                        + BlobServer.PATH_PREFIX + key.hex())
                .toURL();
        HttpURLConnection connection;
        int status;
        try {
            connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            status = connection.getResponseCode();
        } catch (IOException e) {
            throw new IOException(
                    "Could not fetch blob " + key + " from the blob server at " + serverAddress
                            + " (is the JobManager running and reachable?): " + e.getMessage(),
                    e);
        }
        Path temp = Files.createTempFile(cacheDir, "download-", ".tmp");
        boolean stored = false;
        try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            if (status != 200) {
                String message = body == null ? "" : new String(body.readNBytes(4096), StandardCharsets.UTF_8);
                throw new IOException("Could not fetch blob " + key + " from the blob server at " + serverAddress
                        + ": HTTP " + status + ": " + message);
            }
            var digest = Sha256.newDigest();
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(key.hex())) {
                throw new BlobCorruptedException(
                        key,
                        "Blob " + key + " downloaded from the blob server at " + serverAddress + " has SHA-256 "
                                + actual + "; the download was discarded");
            }
            BlobStore.moveIntoPlace(temp, target);
            stored = true;
        } finally {
            if (!stored) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
