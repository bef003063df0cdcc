package dev.pageframe.execution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A sandboxed agent's private folder, the only place its cells may write: made (mode 0700) at launch,
 * deleted when the agent is gone. The name carries the host's process id, so a later host can sweep
 * the folders of one that died before deleting its own.
 */
final class Scratch {
    static final String PREFIX = "pageframe-scratch-";

    private static final FileAttribute<?> PRIVATE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final int MAX_ATTEMPTS = 100;

    private final Path path;
    private boolean deleted;

    private Scratch(Path path) {
        this.path = path;
    }

    /**
     * A new folder in {@code parent}, private from the start. Made with mkdir, which fails on anything already there
     * (a link included), so the random part of its name needs no secure generator (whose start-up cost
     * Files.createTempDirectory 20-30 ms before each agent's launch): a name taken by someone else means another try.
     */
    static Scratch create(Path parent) throws IOException {
        String prefix = PREFIX + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            Path folder = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return new Scratch(Files.createDirectory(folder, PRIVATE).toRealPath());
            } catch (FileAlreadyExistsException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    Path path() {
        return path;
    }

    /**
     * Deletes the folder and all in it; links are removed, never followed. Idempotent; best effort. Synchronized:
     * a second caller (the agent's exit and the session's close both call it) returns once the folder is gone.
     */
    synchronized void delete() {
        if (!deleted) {
            deleted = true;
            deleteTree(path);
        }
    }

    /** Deletes the folders left in {@code parent} by hosts no longer running (after a launch: it is housekeeping). */
    static void sweepOrphans(Path parent) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : found) {
                String rest = folder.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                long owner;
                try {
                    owner = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(owner).isEmpty()) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Sweeping is housekeeping; a folder we cannot read stays.
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            // Best effort: a file the cell made unremovable stays until the next sweep.
        }
    }
}
