package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The look a user chose, kept from one run of the app to the next in {@value #FILE_NAME} in the per-user config
 * directory: the theme and the zoom. A missing or unreadable file is the light theme at 100%; only the look is lost.
 */
final class ViewSettings {
    static final String FILE_NAME = "view.properties";

    /** A theme and a zoom factor (1.0 is 100%). */
    record Look(boolean dark, double zoom) {
        static final Look DEFAULT = new Look(false, 1.0);
    }

    private final Path store;
    private final Executor background;

    ViewSettings(Path configDir, Executor background) {
        this.store = configDir.resolve(FILE_NAME);
        this.background = background;
    }

    /** The look last saved, or {@link Look#DEFAULT}. */
    Look load() {
        try {
            Optional<Properties> kept = ConfigFiles.properties(store);
            if (kept.isEmpty()) {
                return Look.DEFAULT;
            }
            Properties p = kept.get();
            double zoom = Double.parseDouble(p.getProperty("zoom", "1.0"));
            return new Look("dark".equals(p.getProperty("theme")), zoom > 0 && zoom < 10 ? zoom : 1.0);
        } catch (RuntimeException e) {
            return Look.DEFAULT;
        }
    }

    /** Keeps {@code look} for the next start, written in the background (atomically; a failure keeps the old file). */
    void save(Look look) {
        String text = "# Pageframe's look, as last chosen in the View menu\n"
                + "theme=" + (look.dark() ? "dark" : "light") + "\n"
                + "zoom=" + String.format(Locale.ROOT, "%.2f", look.zoom()) + "\n";
        background.execute(() -> {
            try {
                ConfigFiles.write(store, text);
            } catch (IOException | RuntimeException e) {
                // Nothing but the look is lost: the next start is light at 100%, or what was saved before.
            }
        });
    }
}
