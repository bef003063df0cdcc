package dev.pageframe.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a notebook file held when the app last read or wrote it, to notice another program changing it while it is
 * open. By content (size and SHA-256), not time: a time stamp misses two writes within its resolution, and a copy
 * with an old time stamp.
 *
 * @param size   the file's length, or -1 if it did not exist
 * @param sha256 its content's hash in hex, or empty if it did not exist
 */
public record FileStamp(long size, String sha256) {
    /** The stamp of a file that is not there. */
    public static final FileStamp MISSING = new FileStamp(-1, "");

    /** The stamp of {@code file} now. */
    public static FileStamp of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                size += n;
            }
        } catch (NoSuchFileException e) {
            return MISSING;
        }
        return new FileStamp(size, HexFormat.of().formatHex(digest.digest()));
    }

    /** True if {@code file} no longer holds what this stamp recorded (changed, replaced or deleted). */
    public boolean changedOnDisk(Path file) throws IOException {
        return !equals(of(file));
    }
}
