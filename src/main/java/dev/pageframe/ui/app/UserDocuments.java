package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a learner's own notebooks go by default: a {@code Pageframe} folder in the user's documents folder (on Linux
 * the XDG documents directory of {@code user-dirs.dirs}, translated names included; elsewhere {@code ~/Documents}).
 * Copies of the bundled notebooks and new notebooks are offered there, never the folder the app happened to start in.
 */
public final class UserDocuments {
    private UserDocuments() {}

    /** The Pageframe folder in this user's documents folder (not created here). */
    public static Path folder() {
        return folder(System.getenv(), dev.pageframe.notebook.UserHome.current());
    }

    static Path folder(Map<String, String> env, Path home) {
        return documents(env, home).resolve("Pageframe");
    }

    /**
     * The documents folder: {@code XDG_DOCUMENTS_DIR} from {@code $XDG_CONFIG_HOME/user-dirs.dirs} (the file
     * xdg-user-dirs keeps, with {@code $HOME} in its values), else {@code ~/Documents}.
     */
    static Path documents(Map<String, String> env, Path home) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path config = configHome != null && !configHome.isEmpty() && Path.of(configHome).isAbsolute()
                ? Path.of(configHome) : home.resolve(".config");
        Path dirs = config.resolve("user-dirs.dirs");
        if (Files.isRegularFile(dirs)) {
            try {
                List<String> lines = Files.readAllLines(dirs, StandardCharsets.UTF_8);
                for (String line : lines) {
                    String l = line.strip();
                    if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                        String value = l.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                        value = value.replace("$HOME", home.toString());
                        Path p = Path.of(value);
                        // user-dirs.dirs sets it to $HOME itself to mean "no such folder".
                        if (p.isAbsolute() && !p.equals(home)) {
                            return p;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable or odd file: fall back to the usual name.
            }
        }
        return home.resolve("Documents");
    }

    /** Makes {@code dir} if it is missing; returns it, or null if it cannot be made. */
    static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            return null;
        }
    }
}
