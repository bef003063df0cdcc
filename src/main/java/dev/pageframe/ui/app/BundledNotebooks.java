package dev.pageframe.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The notebooks that ship with Pageframe (the tour and its companions), read from {@code /notebooks} in the jar.
 * Only there: the app opens them trusted, so a {@code notebooks/tour.ipynb} in whatever folder the app was started
 * from must not pass for one. {@code ./pageframe} rebuilds the jar when a bundled notebook changes.
 */
public final class BundledNotebooks {
    /** The notebook opened when the app starts without a file. */
    public static final String TOUR = "tour.ipynb";

    private BundledNotebooks() {}

    /** The bytes of a bundled notebook, by file name. */
    public static Optional<byte[]> read(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        try (InputStream in = BundledNotebooks.class.getResourceAsStream("/notebooks/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a notebook of this file name ships with the app. */
    public static boolean isBundled(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.startsWith(".")
                && BundledNotebooks.class.getResource("/notebooks/" + name) != null;
    }
}
