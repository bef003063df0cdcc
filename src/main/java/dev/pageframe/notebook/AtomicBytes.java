package dev.pageframe.notebook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a small file that is not a notebook (the recovery index, exercise progress) the way {@link NotebookFiles}
 * saves one: a temporary file beside it, flushed to disk, renamed over it, so a kill leaves the old or the new file.
 */
public final class AtomicBytes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicBytes() {}

    /** Replaces {@code target} with {@code bytes}; on failure the old file, if any, is left as it was. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            NotebookFiles.removeLeftoverTemps(dir, target.getFileName().toString());
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
