package dev.pageframe.notebook;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's home folder as the desktop sees it. On Linux and macOS that is {@code $HOME} when it is an absolute path
 * (GLib and the XDG base directory rules go by it, and so do the shells that start Pageframe); the JVM's
 * {@code user.home} comes from the password database instead and ignores it. Elsewhere, and without a usable
 * {@code $HOME}, {@code user.home}.
 */
public final class UserHome {
    private UserHome() {}

    /** This user's home folder. */
    public static Path current() {
        return of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path of(String osName, Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows") && home != null && !home.isEmpty()
                && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHome);
    }
}
