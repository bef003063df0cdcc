package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * The main window's size when it last closed, and whether it was maximized, kept in {@value #FILE_NAME} in the
 * per-user config directory so that the next start opens the window as the user left it. A missing or unreadable
 * file, or a size from a larger screen, gives way to the default size for this screen.
 *
 * @param width     the window's width in pixels
 * @param height    the window's height in pixels
 * @param maximized whether the window filled the screen
 */
public record WindowSize(double width, double height, boolean maximized) {
    static final String FILE_NAME = "window.properties";

    /** The size for a first start: most of the screen, at most 1440 by 920. */
    public static WindowSize firstStart(Rectangle2D screen) {
        return new WindowSize(Math.min(1440, screen.getWidth() * 0.92), Math.min(920, screen.getHeight() * 0.92), false);
    }

    /** The size last kept in {@code configDir}, fitted to {@code screen}; or the first start's size. */
    public static WindowSize load(Path configDir, Rectangle2D screen) {
        try {
            Optional<Properties> kept = ConfigFiles.properties(configDir.resolve(FILE_NAME));
            if (kept.isPresent()) {
                Properties p = kept.get();
                double w = Double.parseDouble(p.getProperty("width"));
                double h = Double.parseDouble(p.getProperty("height"));
                if (w >= MIN_WIDTH && h >= MIN_HEIGHT && Double.isFinite(w) && Double.isFinite(h)) {
                    return new WindowSize(Math.min(w, screen.getWidth()), Math.min(h, screen.getHeight()),
                            Boolean.parseBoolean(p.getProperty("maximized")));
                }
            }
        } catch (RuntimeException e) {
            // A damaged file costs only the size: the window opens as on a first start.
        }
        return firstStart(screen);
    }

    /** Keeps this size for the next start (atomically; on failure the old file stays). */
    public Optional<IOException> save(Path configDir) {
        String text = "# Pageframe's window when it last closed\n"
                + String.format(Locale.ROOT, "width=%.0f%nheight=%.0f%nmaximized=%b%n", width, height, maximized);
        try {
            ConfigFiles.write(configDir.resolve(FILE_NAME), text);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    /** The smallest window the app allows (PageframeApp): a smaller size in the file is not one the app left. */
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 400;
}
