package dev.pageframe.ui.app;

import dev.pageframe.notebook.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The small files the app keeps in the per-user config folder (recent files, saved copies, the window, the look):
 * read leniently, because a damaged one should cost only what it kept, and written whole, so a crash leaves the old
 * file or the new.
 */
final class ConfigFiles {
    private ConfigFiles() {}

    /** The file's text; empty when it is missing or cannot be read as UTF-8. */
    static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file read as a properties file; empty when it is missing or unreadable. */
    static Optional<Properties> properties(Path file) {
        return read(file).flatMap(text -> {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
                return Optional.of(p);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Replaces the file with {@code text} atomically, making its folder if there is none yet. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
