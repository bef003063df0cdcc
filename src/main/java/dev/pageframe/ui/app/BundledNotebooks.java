package dev.pageframe.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The notebooks that ship with Pageframe (the tour and its companions): read from {@code notebooks/} in the
 * working directory when running from source, else from {@code /notebooks} in the jar.
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
        Path local = Path.of("notebooks", name);
        try {
            if (Files.isRegularFile(local)) {
                return Optional.of(Files.readAllBytes(local));
            }
            try (InputStream in = BundledNotebooks.class.getResourceAsStream("/notebooks/" + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
