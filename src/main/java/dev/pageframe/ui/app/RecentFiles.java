package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last notebooks opened or saved, newest first, at most {@value #MAX}, kept as one path per line in
 * {@code recent-files.txt} in the per-user config directory. Files gone from the disk drop out when listed.
 */
final class RecentFiles {
    static final int MAX = 10;
    static final String FILE_NAME = "recent-files.txt";
    private final Path store;
    private final List<Path> paths = new ArrayList<>();

    RecentFiles(Path configDir) {
        this.store = configDir.resolve(FILE_NAME);
    }

    /** Reads the list; a missing or unreadable file is an empty list (nothing is lost but the list itself). */
    RecentFiles load() {
        paths.clear();
        try {
            ConfigFiles.read(store).ifPresent(text -> text.lines().filter(line -> !line.isBlank()).limit(MAX)
                    .forEach(line -> paths.add(Path.of(line.strip()))));
        } catch (RuntimeException e) {
            paths.clear();
        }
        return this;
    }

    /** Puts {@code file} first (once); the oldest falls off past {@value #MAX}. */
    void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        paths.remove(abs);
        paths.addFirst(abs);
        while (paths.size() > MAX) {
            paths.removeLast();
        }
    }

    /** The files that still exist, newest first; those gone are dropped from the list. */
    List<Path> existing() {
        paths.removeIf(p -> !Files.isRegularFile(p));
        return List.copyOf(paths);
    }

    /** The list's lines, for {@link #save}. */
    String text() {
        StringBuilder sb = new StringBuilder();
        paths.forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }

    /** Writes {@code text} to the store whole (the one atomic writer), so a crash leaves the old list or the new. */
    void save(String text) throws IOException {
        ConfigFiles.write(store, text);
    }
}
