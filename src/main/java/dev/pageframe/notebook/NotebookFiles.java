package dev.pageframe.notebook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Opens and saves notebook files. Saving is atomic: the new content goes to a temporary file in the
 * same directory, is flushed to disk, and is renamed over the notebook in one step, so a crash or a
 * full disk at any moment leaves either the old file or the new one, never a mix.
 *
 * <p>While a save replaces an existing file, the previous version is kept beside it as
 * {@code .~NAME} (Jupyter's name for the same thing); it is removed once the new file is in place.
 * A leftover {@code .~NAME} therefore means a save was interrupted, and it holds the version from
 * before that save.
 */
public final class NotebookFiles {
    private final NotebookReader reader;
    private final UnaryOperator<OutputStream> streamHook;

    /** Files opened with the default reader (100 MiB limit, random ids for cells that lack one). */
    public NotebookFiles() {
        this(new NotebookReader());
    }

    /** Files opened with {@code reader}. */
    public NotebookFiles(NotebookReader reader) {
        this(reader, UnaryOperator.identity());
    }

    /** Lets tests wrap the temporary file's stream, e.g. to fail halfway through a save. */
    NotebookFiles(NotebookReader reader, UnaryOperator<OutputStream> streamHook) {
        this.reader = Objects.requireNonNull(reader);
        this.streamHook = Objects.requireNonNull(streamHook);
    }

    /** Reads a notebook; the file is never modified, whatever goes wrong. */
    public LoadResult load(Path file) throws IOException {
        return reader.read(file);
    }

    /** Where the previous version of {@code file} is kept while a save replaces it. */
    public static Path backupPath(Path file) {
        return AtomicFile.backupPath(file);
    }

    /**
     * Writes {@code notebook} to {@code file} atomically ({@link AtomicFile}, keeping a backup while
     * it replaces the old file), creating it if needed. A symbolic link is followed, so the link
     * stays and its target gets the new content; the file's permissions are kept. A notebook larger than the
     * reader opens is not written (the old file stays): a run whose outputs grew that large would otherwise leave
     * a file that Pageframe refuses to open again.
     */
    public void save(Path file, Notebook notebook) throws IOException {
        AtomicFile.write(file, raw -> {
            OutputStream bounded = new BoundedOutputStream(streamHook.apply(raw), reader.maxBytes(), () -> new IOException(
                    "the notebook would be over " + (reader.maxBytes() >> 20) + " MiB, the most Pageframe opens, so it"
                    + " was not saved; its outputs are too long (clear or shorten them)"));
            Writer out = new BufferedWriter(new OutputStreamWriter(bounded, StandardCharsets.UTF_8), 1 << 16);
            NotebookWriter.write(notebook, out);
            out.flush();
        }, true, Set.of());
    }
}
