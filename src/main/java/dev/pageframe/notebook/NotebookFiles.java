package dev.pageframe.notebook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.Objects;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * Opens and saves notebook files. Saving is atomic: the new content goes to a temporary file in the
 * same directory, is flushed to disk, and is renamed over the notebook in one step, so a crash or a
 * full disk at any moment leaves either the old file or the new one, never a mix.
 *
 * <p>While a save replaces an existing file, the previous version is kept beside it as
 * {@code .~NAME} (Jupyter's name for the same thing); it is removed once the new file is in place.
 * A leftover {@code .~NAME} therefore means a save was interrupted, and it holds the version from
 * before that save.
 */
public final class NotebookFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotebookReader reader;
    private final UnaryOperator<OutputStream> streamHook;

    /** Files opened with the default reader (100 MiB limit, random ids for cells that lack one). */
    public NotebookFiles() {
        this(new NotebookReader());
    }

    /** Files opened with {@code reader}. */
    public NotebookFiles(NotebookReader reader) {
        this(reader, UnaryOperator.identity());
    }

    /** Lets tests wrap the temporary file's stream, e.g. to fail halfway through a save. */
    NotebookFiles(NotebookReader reader, UnaryOperator<OutputStream> streamHook) {
        this.reader = Objects.requireNonNull(reader);
        this.streamHook = Objects.requireNonNull(streamHook);
    }

    /** Reads a notebook; the file is never modified, whatever goes wrong. */
    public LoadResult load(Path file) throws IOException {
        return reader.read(file);
    }

    /** Where the previous version of {@code file} is kept while a save replaces it. */
    public static Path backupPath(Path file) {
        return file.resolveSibling(".~" + file.getFileName());
    }

    /**
     * Writes {@code notebook} to {@code file} atomically, creating it if needed. A symbolic link is
     * followed, so the link stays and its target gets the new content; the file's permissions are kept.
     */
    public void save(Path file, Notebook notebook) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        boolean replacing = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
        Path backup = backupPath(target);
        boolean moved = false;
        try {
            writeDurably(temp, notebook);
            if (replacing) {
                copyPermissions(target, temp);
                keepBackup(target, backup);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; the backup covers the short unsafe window.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
            Files.deleteIfExists(backup);
            removeLeftoverTemps(dir, target.getFileName().toString());
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
                // The original was never touched, so the backup holds nothing the file does not.
                if (replacing) {
                    Files.deleteIfExists(backup);
                }
            }
        }
    }

    /**
     * Deletes the temporary files of earlier saves of this file that were interrupted (a kill -9
     * between create and rename) and so were never renamed or deleted: nothing else ever would.
     * Only names this class makes ({@code .NAME.} + 8 hex digits + {@code .tmp}) are touched. A
     * save of the same file running at this very moment in another process loses its temporary
     * file and fails cleanly, leaving this save's content, which is no worse than losing the race.
     */
    public static void removeLeftoverTemps(Path dir, String name) {
        String prefix = "." + name + ".";
        try (var entries = Files.newDirectoryStream(dir, entry -> isOurTemp(entry.getFileName().toString(), prefix))) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            // Best effort: the save itself succeeded; the next one tries again.
        }
    }

    private static boolean isOurTemp(String candidate, String prefix) {
        if (!candidate.startsWith(prefix) || !candidate.endsWith(".tmp")
                || candidate.length() != prefix.length() + 8 + ".tmp".length()) {
            return false;
        }
        return candidate.substring(prefix.length(), prefix.length() + 8).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private void writeDurably(Path temp, Notebook notebook) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = streamHook.apply(Channels.newOutputStream(channel));
            Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
            NotebookWriter.write(notebook, out);
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
