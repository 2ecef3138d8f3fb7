package io.sluice.runtime.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    private static final long LIMIT = 1 << 20;

    @TempDir
    Path dir;

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenContentIsPut_thenItIsStoredUnderItsSha256AndReadBack() throws Exception {
        BlobStore store = new BlobStore(dir.resolve("blobs"));

        BlobKey key = store.put(stream("hello jar"), LIMIT);

        assertThat(key.hex()).isEqualTo(sha256("hello jar".getBytes(StandardCharsets.UTF_8)));
        Path file = store.get(key);
        assertThat(file).isEqualTo(dir.resolve("blobs").resolve(key.hex()).toAbsolutePath());
        assertThat(Files.readString(file)).isEqualTo("hello jar");
        assertThat(store.contains(key)).isTrue();
    }

    @Test
    void whenBlobsArePutAndDeleted_thenListShowsExactlyTheStoredKeys() throws Exception {
        BlobStore store = new BlobStore(dir);
        BlobKey a = store.put(stream("a"), LIMIT);
        BlobKey b = store.put(stream("b"), LIMIT);
        BlobKey c = store.put(stream("c"), LIMIT);
        Files.writeString(dir.resolve("not-a-blob.txt"), "ignored");

        List<BlobKey> expected = new ArrayList<>(List.of(a, b, c));
        expected.sort(null);
        assertThat(store.list()).containsExactlyElementsOf(expected);

        assertThat(store.delete(b)).isTrue();
        assertThat(store.delete(b)).isFalse();
        expected.remove(b);
        assertThat(store.list()).containsExactlyElementsOf(expected);
        assertThat(store.contains(b)).isFalse();
        assertThatThrownBy(() -> store.get(b))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("No blob with key " + b);
    }

    @Test
    void whenTheSameContentIsPutTwice_thenOneBlobIsKept() throws Exception {
        BlobStore store = new BlobStore(dir);
        BlobKey first = store.put(stream("same"), LIMIT);
        BlobKey second = store.put(stream("same"), LIMIT);

        assertThat(second).isEqualTo(first);
        assertThat(store.list()).containsExactly(first);
        assertThat(filesIn(dir)).containsExactly(first.hex());
    }

    @Test
    void whenUploadExceedsTheLimit_thenItFailsClearlyAndNoFileRemains() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] big = new byte[200_001];

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(big), 200_000))
                .isInstanceOf(BlobSizeLimitExceededException.class)
                .hasMessage("Blob upload exceeds the size limit of 200000 bytes and was discarded;"
                        + " upload a smaller file or raise the limit");
        assertThat(filesIn(dir)).isEmpty();
        assertThat(store.list()).isEmpty();

        BlobKey exact = store.put(new ByteArrayInputStream(new byte[200_000]), 200_000);
        assertThat(store.list()).containsExactly(exact);
    }

    @Test
    void whenStoredFileIsCorrupted_thenGetFailsNamingTheKey() throws Exception {
        BlobStore store = new BlobStore(dir);
        BlobKey key = store.put(stream("original"), LIMIT);
        Path file = dir.resolve(key.hex());
        Files.writeString(file, "tampered");

        assertThatThrownBy(() -> store.get(key))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessage("Blob " + key + " is corrupted: " + file.toAbsolutePath() + " has SHA-256 "
                        + sha256("tampered".getBytes(StandardCharsets.UTF_8))
                        + "; it will not be served, upload the jar again")
                .satisfies(
                        e -> assertThat(((BlobCorruptedException) e).getKey()).isEqualTo(key));
    }

    @Test
    void openVerifiedReturnsTheContentOrFailsForMissingAndCorruptedBlobs() throws Exception {
        BlobStore store = new BlobStore(dir);
        BlobKey key = store.put(stream("channel content"), LIMIT);
        try (FileChannel channel = store.openVerified(key)) {
            assertThat(channel.position()).isZero();
            assertThat(new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("channel content");
        }

        BlobKey missing = new BlobKey("cd".repeat(32));
        assertThatThrownBy(() -> store.openVerified(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("No blob with key " + missing);

        Files.writeString(dir.resolve(key.hex()), "changed");
        assertThatThrownBy(() -> store.openVerified(key))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessageStartingWith("Blob " + key + " is corrupted: ");
    }

    @Test
    void whenKeyIsNotHex_thenItIsRejectedBeforeAnyFileAccess() {
        for (String bad : List.of(
                "../x",
                "/etc/passwd",
                "..",
                "",
                "a".repeat(63),
                "a".repeat(65),
                "A".repeat(64),
                "../" + "a".repeat(61),
                "g".repeat(64),
                "a".repeat(32) + "/" + "a".repeat(31))) {
            assertThatThrownBy(() -> BlobKey.fromString(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Not a blob key (expected 64 lowercase hex digits, the SHA-256 of the content): '" + bad
                            + "'");
        }
        assertThatThrownBy(() -> BlobKey.fromString(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BlobKey.fromString("0123456789abcdef".repeat(4)).hex()).isEqualTo("0123456789abcdef".repeat(4));
    }

    @Test
    void whenManyThreadsPutTheSameContent_thenAllGetTheSameKeyAndOneIntactFileRemains() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BlobKey>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<BlobKey> put = () -> {
                    barrier.await();
                    return store.put(new ByteArrayInputStream(content), LIMIT);
                };
                results.add(pool.submit(put));
            }
            BlobKey expected = new BlobKey(sha256(content));
            for (Future<BlobKey> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
            assertThat(filesIn(dir)).containsExactly(expected.hex());
            assertThat(Files.readAllBytes(store.get(expected))).isEqualTo(content);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
