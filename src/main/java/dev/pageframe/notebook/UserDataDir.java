package dev.pageframe.notebook;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Pageframe keeps a user's own data that is neither configuration nor a document: recovery copies and
 * exercise progress. {@code -Dpageframe.data.dir} overrides it (tests, portable installs).
 */
public final class UserDataDir {
    /** A directory to use instead of the platform's. */
    public static final String PROPERTY = "pageframe.data.dir";

    private UserDataDir() {}

    /** This user's Pageframe data directory (not created here). */
    public static Path current() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return forPlatform(System.getProperty("os.name", ""), System.getenv(), UserHome.current());
    }

    /**
     * Linux and other Unixes: {@code $XDG_DATA_HOME/pageframe}, else {@code ~/.local/share/pageframe} (the XDG base
     * directory rules, which ignore a relative value); macOS: {@code ~/Library/Application Support/Pageframe};
     * Windows: {@code %LOCALAPPDATA%\Pageframe}, since recovery copies belong to this machine, not a roaming profile.
     */
    static Path forPlatform(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isEmpty() ? Path.of(local, "Pageframe")
                    : home.resolve("AppData").resolve("Local").resolve("Pageframe");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Pageframe");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pageframe");
        }
        return home.resolve(".local").resolve("share").resolve("pageframe");
    }
}
