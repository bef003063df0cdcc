package dev.pageframe.notebook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Access to the Jupyter-written fixtures in src/test/resources/notebook. */
final class Fixtures {
    /** Fixtures written by nbformat.write, so the Java writer must reproduce them byte for byte. */
    static final List<String> JUPYTER_WRITTEN = List.of(
            "rich.ipynb", "unknown-fields.ipynb", "floats.ipynb", "empty.ipynb",
            "v4.4-legacy.upgraded.ipynb", "v3-legacy.upgraded.ipynb");

    /** The installed official schema; .ci/run installs python3-nbformat so it is there. */
    static final Path SCHEMA_4_5 = Path.of("/usr/lib/python3/dist-packages/nbformat/v4/nbformat.v4.5.schema.json");

    private Fixtures() {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/notebook/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    /** The id sequence make-fixtures.py patches into Jupyter: cell-1, cell-2, ... */
    static Supplier<String> counterIds() {
        AtomicInteger n = new AtomicInteger();
        return () -> "cell-" + n.incrementAndGet();
    }

    static NotebookReader reader() {
        return new NotebookReader(NotebookReader.DEFAULT_MAX_BYTES, counterIds());
    }

    static Notebook load(String name) throws IOException {
        return reader().read(path(name)).notebook();
    }
}
