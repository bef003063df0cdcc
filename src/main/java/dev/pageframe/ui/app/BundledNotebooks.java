package dev.pageframe.ui.app;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFormatException;
import dev.pageframe.notebook.NotebookReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The notebooks that ship with Pageframe (the tour and its companions), read from {@code /notebooks} in the jar.
 * Only there: the app opens them trusted, so a {@code notebooks/tour.ipynb} in whatever folder the app was started
 * from must not pass for one. {@code ./pageframe} rebuilds the jar when a bundled notebook changes.
 */
public final class BundledNotebooks {
    /** The notebook opened when the app starts without a file. */
    public static final String TOUR = "tour.ipynb";

    private BundledNotebooks() {}

    /**
     * Every notebook in the jar's {@code /notebooks} (from the build's classes when running from source), as
     * read: what a file must equal to be trusted as bundled. Empty if they cannot be listed.
     */
    public static List<Notebook> all() {
        try {
            return withDir(BundledNotebooks::readAll);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    /** The file names of the bundled notebooks, sorted, for File > Open Bundled Notebook; empty if they cannot be listed. */
    public static List<String> names() {
        try {
            return withDir(dir -> {
                try (Stream<Path> files = Files.list(dir)) {
                    return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
                }
            });
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private interface DirReader<T> {
        List<T> read(Path dir) throws IOException;
    }

    private static <T> List<T> withDir(DirReader<T> reader) throws IOException, URISyntaxException {
        URL tour = BundledNotebooks.class.getResource("/notebooks/" + TOUR);
        if (tour == null) {
            return List.of();
        }
        URI uri = tour.toURI();
        if (uri.getScheme().equals("jar")) {
            // The jar's file system stays open, shared with the documentation (DocsLibrary opens the same one):
            // closing it here could pull it from under a page being read.
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return reader.read(jar.getPath("/notebooks"));
        }
        return reader.read(Path.of(uri).getParent());
    }

    private static List<Notebook> readAll(Path dir) throws IOException {
        List<Notebook> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList()) {
                try {
                    out.add(new NotebookReader().read(Files.readAllBytes(f), f.getFileName().toString()).notebook());
                } catch (NotebookFormatException e) {
                    // A broken bundled file vouches for nothing; the others still count.
                }
            }
        }
        return List.copyOf(out);
    }

    /** The bytes of a bundled notebook, by file name. */
    public static Optional<byte[]> read(String name) {
        if (!isPlainName(name)) {
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
        return isPlainName(name) && BundledNotebooks.class.getResource("/notebooks/" + name) != null;
    }

    /** A file name alone: no folder, no way out of {@code /notebooks}, no hidden file. */
    private static boolean isPlainName(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }
}
