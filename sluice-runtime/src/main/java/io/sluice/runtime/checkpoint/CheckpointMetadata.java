package io.sluice.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * Reads and writes a checkpoint's {@code _metadata}: a magic number, a format version, the length
 * and CRC-32 of the body, and the body (the serialized {@link CompletedCheckpoint}). It is written
 * to a temporary file and renamed, so a reader sees a whole file or none; a damaged file is
 * recognized and named in the error.
 */
public final class CheckpointMetadata {
    public static final String METADATA_FILE = "_metadata";
    private static final int MAGIC = 0x534C4350; // "SLCP"
    private static final int VERSION = 1;

    private CheckpointMetadata() {}

    /** Writes {@code checkpoint}'s metadata into {@code directory}, atomically; returns the file. */
    public static Path write(CompletedCheckpoint checkpoint, Path directory) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(body)) {
            out.writeObject(checkpoint);
        }
        byte[] bytes = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Files.createDirectories(directory);
        Path target = directory.resolve(METADATA_FILE);
        Path temp = directory.resolve("." + METADATA_FILE + ".inprogress");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temp))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(bytes.length);
            out.writeLong(crc.getValue());
            out.write(bytes);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * Reads the metadata at {@code path}: a {@code _metadata} file or a {@code chk-N} directory.
     *
     * @throws IOException naming the file when it is missing, not a checkpoint, from another
     *     version, truncated or corrupt
     */
    public static CompletedCheckpoint read(Path path, ClassLoader classLoader) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(METADATA_FILE) : path;
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(
                    "Checkpoint metadata file " + file + " does not exist: the checkpoint was not"
                            + " completed, or it was deleted",
                    e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("Checkpoint metadata file " + file + " is not a Sluice checkpoint (it starts"
                        + " with 0x" + Integer.toHexString(magic) + ")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("Checkpoint metadata file " + file + " has format version " + version
                        + "; this Sluice reads version " + VERSION);
            }
            int length = in.readInt();
            long expectedCrc = in.readLong();
            if (length < 0 || length > all.length - 20) {
                throw new IOException("Checkpoint metadata file " + file + " is truncated: " + (all.length - 20)
                        + " of " + length + " bytes");
            }
            byte[] body = new byte[length];
            in.readFully(body);
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != expectedCrc) {
                throw new IOException("Checkpoint metadata file " + file + " is corrupt: its checksum does not match");
            }
            try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(body)) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                    return Class.forName(desc.getName(), false, classLoader);
                }
            }) {
                return (CompletedCheckpoint) objects.readObject();
            } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
                throw new IOException("Checkpoint metadata file " + file + " cannot be read by this Sluice: " + e, e);
            }
        } catch (EOFException e) {
            throw new IOException("Checkpoint metadata file " + file + " is truncated (" + all.length + " bytes)", e);
        }
    }
}
