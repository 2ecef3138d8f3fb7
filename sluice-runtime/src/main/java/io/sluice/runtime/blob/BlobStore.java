package io.sluice.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Blobs (user jars) in one storage directory, each in a file named by its {@link BlobKey}.
 *
 * <p>An upload is written to a fresh temporary file in the storage directory while its SHA-256 is
 * computed, then renamed atomically to its key. Readers therefore see a blob either complete or not at
 * all, and concurrent uploads of the same content are harmless: each renames an identical file onto
 * the same name. Temporary files never match the key pattern, so {@link #list()} ignores them.
 *
 * <p>Threading: no mutable state in this object; every method may be called from any thread, the
 * file system's atomic rename is the only synchronization.
 *
 * <p>{@link #get} hashes the file again before handing it out, so a blob damaged on disk is reported
 * (naming its key) instead of being served.
 */
public final class BlobStore {
    private static final String TEMP_PREFIX = "upload-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path storageDir;

    /** Creates the storage directory if needed. */
    public BlobStore(Path storageDir) throws IOException {
        this.storageDir = Files.createDirectories(storageDir).toAbsolutePath();
    }

    public Path getStorageDir() {
        return storageDir;
    }

    /**
     * Stores the stream's content and returns its key. Reads {@code in} to its end (it is not closed).
     *
     * @throws BlobSizeLimitExceededException when the content is longer than {@code maxBytes}; the
     *     partial file is removed
     */
    public BlobKey put(InputStream in, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        Path temp = Files.createTempFile(storageDir, TEMP_PREFIX, TEMP_SUFFIX);
        boolean stored = false;
        try {
            MessageDigest digest = Sha256.newDigest();
            copyWithLimit(in, temp, digest, maxBytes);
            BlobKey key = BlobKey.fromDigest(digest.digest());
            moveIntoPlace(temp, fileOf(key));
            stored = true;
            return key;
        } finally {
            if (!stored) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Returns the file holding the blob, after checking that its content still hashes to the key.
     *
     * @throws NoSuchFileException when no blob has this key
     * @throws BlobCorruptedException when the file's content does not match the key
     */
    public Path get(BlobKey key) throws IOException {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("No blob with key " + key);
        }
        Sha256.verify(key, file);
        return file;
    }

    /**
     * Opens the blob for reading, positioned at its start, after checking that the content of this
     * very open file hashes to the key; a file replaced or damaged after the check cannot be served in
     * its place. The caller closes the channel.
     *
     * @throws NoSuchFileException when no blob has this key
     * @throws BlobCorruptedException when the file's content does not match the key
     */
    public FileChannel openVerified(BlobKey key) throws IOException {
        Path file = fileOf(key);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("No blob with key " + key);
        }
        try {
            // Not closed: closing the stream would close the channel we hand out.
            String actual = Sha256.ofStream(Channels.newInputStream(channel));
            if (!actual.equals(key.hex())) {
                throw new BlobCorruptedException(key, file, actual);
            }
            channel.position(0);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public boolean contains(BlobKey key) {
        return Files.isRegularFile(fileOf(key));
    }

    /** Removes the blob; returns false when there was none. */
    public boolean delete(BlobKey key) throws IOException {
        return Files.deleteIfExists(fileOf(key));
    }

    /** The keys of all stored blobs, sorted. */
    public List<BlobKey> list() throws IOException {
        List<BlobKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(storageDir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(BlobKey::isValid)
                    .forEach(name -> keys.add(new BlobKey(name)));
        }
        Collections.sort(keys);
        return keys;
    }

    /** The only place a file name is formed: from a validated key, inside the storage directory. */
    private Path fileOf(BlobKey key) {
        return storageDir.resolve(key.hex());
    }

    private static void copyWithLimit(InputStream in, Path target, MessageDigest digest, long maxBytes)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new BlobSizeLimitExceededException(maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
    }

    /** Atomic rename (replacing an existing identical blob); falls back to a plain replace. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
