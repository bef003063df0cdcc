package dev.pageframe.notebook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way Pageframe replaces a file (notebooks, HTML exports, the trust database): the new
 * content goes to a temporary file in the same directory, is flushed to disk, and is renamed over
 * the target in one step, so a crash or a full disk at any moment leaves either the old file or the
 * new one, never a mix.
 *
 * <p>A symbolic link is followed, so the link stays and its target gets the new content; the
 * replaced file's permissions are kept. Temporary files are named {@code .NAME.} + 8 hex digits +
 * {@code .tmp}; a write sweeps away those an interrupted earlier write of the same file left.
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    /** Writes the new content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything; the stream is flushed and closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code file} with {@code bytes}; on failure the old file, if any, is left as it was. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes), false, Set.of());
    }

    /** Replaces {@code file} with what {@code content} writes; on failure the old file is left as it was. */
    public static void write(Path file, Content content) throws IOException {
        write(file, content, false, Set.of());
    }

    /**
     * Replaces {@code file} with what {@code content} writes. With {@code keepBackup}, the previous
     * version stays beside it as {@link #backupPath} until the new one is in place, so a leftover
     * backup means a write was interrupted. With {@code attributes} (e.g. owner-only permissions)
     * the file gets those whether it is new or replaced; without, a replaced file keeps its own.
     */
    public static void write(Path file, Content content, boolean keepBackup, Set<FileAttribute<?>> attributes)
            throws IOException {
        Path target = checkWritable(file);
        Path dir = target.getParent();
        boolean replacing = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
        Path backup = backupPath(target);
        boolean backedUp = false;
        boolean moved = false;
        try {
            writeDurably(temp, content, attributes);
            if (replacing) {
                if (attributes.isEmpty()) {
                    copyPermissions(target, temp);
                }
                if (keepBackup) {
                    keepBackup(target, backup);
                    backedUp = true;
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a backup, if asked for, covers the short unsafe window.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
            if (backedUp) {
                Files.deleteIfExists(backup);
            }
            removeLeftoverTemps(dir, target.getFileName().toString());
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
                // The original was never touched, so the backup holds nothing the file does not.
                if (backedUp) {
                    Files.deleteIfExists(backup);
                }
            }
        }
    }

    /**
     * Whether {@link #write} could replace {@code file}, checked before anything is written: its folder exists and takes
     * new files, and the file, if there is one, is not a folder and not read-only. A read-only file is refused even
     * where the rename would succeed (its folder is writable, or the user is root): someone made it read-only to keep
     * it. Returns the path a write goes to (a link's target). The errors name the file or folder and the reason.
     */
    public static Path checkWritable(Path file) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "no such folder");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "cannot create files in this folder (permission denied)");
        }
        if (Files.exists(target) && (!Files.isWritable(target) || !anyoneMayWrite(target))) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        return target;
    }

    /** False when the file's permission bits let nobody write it (POSIX only; elsewhere the check above decides). */
    private static boolean anyoneMayWrite(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.contains(PosixFilePermission.OWNER_WRITE) || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Where the previous version of {@code file} is kept while a write with a backup replaces it. */
    public static Path backupPath(Path file) {
        return file.resolveSibling(".~" + file.getFileName());
    }

    /**
     * Deletes the temporary files of earlier writes of this file that were interrupted (a kill -9
     * between create and rename) and so were never renamed or deleted: nothing else ever would.
     * Only names this class makes are touched. A write of the same file running at this very moment
     * in another process loses its temporary file and fails cleanly, leaving this write's content,
     * which is no worse than losing the race.
     */
    public static void removeLeftoverTemps(Path dir, String name) {
        String prefix = "." + name + ".";
        try (var entries = Files.newDirectoryStream(dir, entry -> isOurTemp(entry.getFileName().toString(), prefix))) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            // Best effort: the write itself succeeded; the next one tries again.
        }
    }

    private static boolean isOurTemp(String candidate, String prefix) {
        if (!candidate.startsWith(prefix) || !candidate.endsWith(".tmp")
                || candidate.length() != prefix.length() + 8 + ".tmp".length()) {
            return false;
        }
        return candidate.substring(prefix.length(), prefix.length() + 8).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static void writeDurably(Path temp, Content content, Set<FileAttribute<?>> attributes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes.toArray(FileAttribute<?>[]::new))) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            // Without this the rename could reach the disk before the data, and a power cut would leave an empty file.
            channel.force(true);
        }
    }

    private static void keepBackup(Path target, Path backup) throws IOException {
        Files.deleteIfExists(backup);
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(to, view.readAttributes().permissions());
        }
    }

    /** Makes the rename itself durable; directories cannot be opened for sync on every platform. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file's own data is already on disk.
        }
    }
}
