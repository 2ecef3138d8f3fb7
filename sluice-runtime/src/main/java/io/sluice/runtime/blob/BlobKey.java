package io.sluice.runtime.blob;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a blob: the lowercase hex SHA-256 of its content (64 digits).
 *
 * <p>This is the only form in which a client names a blob, and it is validated before it goes
 * anywhere near the file system: a key can never contain a separator, a dot or anything but {@code
 * [0-9a-f]}, so it cannot escape the storage directory.
 */
public record BlobKey(String hex) implements Comparable<BlobKey> {
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (hex == null || !VALID.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "Not a blob key (expected 64 lowercase hex digits, the SHA-256 of the content): '" + hex + "'");
        }
    }

    /** Parses a key received from a client; throws IllegalArgumentException naming the input otherwise. */
    public static BlobKey fromString(String hex) {
        return new BlobKey(hex);
    }

    static BlobKey fromDigest(byte[] sha256) {
        return new BlobKey(HexFormat.of().formatHex(sha256));
    }

    static boolean isValid(String candidate) {
        return VALID.matcher(candidate).matches();
    }

    @Override
    public int compareTo(BlobKey other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
