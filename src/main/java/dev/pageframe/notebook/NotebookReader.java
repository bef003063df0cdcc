package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads notebook files permissively, as Jupyter does: text as a string or a list of strings,
 * nbformat 4.0–4.5 and nbformat 3 (converted). Anything it cannot make sense of is refused with a
 * {@link NotebookFormatException} that names the place. Reading never writes to the file. The bytes
 * become JSON in {@link NotebookJson}; the JSON becomes a {@link Notebook} in {@link NotebookConversion}.
 */
public final class NotebookReader {

    /** Files larger than this (100 MiB) are refused unread unless another limit is given. */
    public static final long DEFAULT_MAX_BYTES = 100L << 20;

    private final long maxBytes;
    private final Supplier<String> idGenerator;

    /** A reader with the 100 MiB limit and random cell ids. */
    public NotebookReader() {
        this(DEFAULT_MAX_BYTES, CellIds.randomGenerator());
    }

    /**
     * @param maxBytes    the largest file to open
     * @param idGenerator where ids for cells that lack one come from; ids it yields that are invalid or
     *                    already used are skipped
     */
    public NotebookReader(long maxBytes, Supplier<String> idGenerator) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("size limit out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.idGenerator = idGenerator;
    }

    /** The largest file this reader opens. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a notebook file.
     *
     * @throws NotebookFormatException if the file is too large, not UTF-8, not JSON, or not a notebook
     * @throws IOException             if the file cannot be read at all
     */
    public LoadResult read(Path file) throws IOException {
        return fromTree(NotebookJson.readTree(file, maxBytes), file.toString());
    }

    /** Reads a notebook from the bytes of a file; {@code sourceName} is used in messages. */
    public LoadResult read(byte[] bytes, String sourceName) throws NotebookFormatException {
        if (bytes.length > maxBytes) {
            throw NotebookJson.tooLarge(sourceName, bytes.length, maxBytes);
        }
        return fromTree(NotebookJson.parse(bytes, sourceName), sourceName);
    }

    /** Reads a notebook from JSON text; {@code sourceName} is used in messages. */
    public LoadResult readString(String json, String sourceName) throws NotebookFormatException {
        return fromTree(NotebookJson.parse(json, sourceName, new ArrayList<>()), sourceName);
    }

    private LoadResult fromTree(NotebookJson.ParsedTree parsed, String source) throws NotebookFormatException {
        LoadResult r = fromTree(parsed.root(), source);
        if (parsed.notes().isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(parsed.notes());
        notes.addAll(r.notes());
        return new LoadResult(r.notebook(), r.originalNbformat(), r.originalNbformatMinor(), notes);
    }

    /** Turns parsed JSON into a notebook; {@code source} names it in errors. */
    LoadResult fromTree(JsonNode root, String source) throws NotebookFormatException {
        try {
            return new NotebookConversion(idGenerator).convert(root);
        } catch (JsonProblem p) {
            throw new NotebookFormatException(source, p.path(), p.detail());
        }
    }
}
