package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes notebooks exactly as Jupyter's reference writer ({@code nbformat.write}) does: sorted keys,
 * one-space indent, non-ASCII as is, multi-line text split into lists after each line end, a final
 * newline. A file read and written without changes comes out byte for byte as Jupyter wrote it, so
 * saving never churns a diff.
 */
public final class NotebookWriter {
    /** Non-text MIME types Jupyter still splits into lines, from {@code nbformat/v4/rwbase.py}. */
    private static final Set<String> SPLIT_NON_TEXT = Set.of("application/javascript", "image/svg+xml");

    private NotebookWriter() {}

    /** The whole file content, ending in a newline. */
    public static String toJson(Notebook notebook) {
        return PythonJson.toString(toTree(notebook)) + "\n";
    }

    /** The whole file content as UTF-8 bytes. */
    public static byte[] toBytes(Notebook notebook) {
        return toJson(notebook).getBytes(StandardCharsets.UTF_8);
    }

    /** Streams the file content to {@code out}, for files too large to build as one string first. */
    public static void write(Notebook notebook, Writer out) throws IOException {
        PythonJson.write(toTree(notebook), out);
        out.write('\n');
    }

    /** The notebook as the JSON tree the file holds (text split into lines, transient keys removed). */
    static ObjectNode toTree(Notebook nb) {
        ObjectNode root = nb.extra();
        ObjectNode metadata = nb.metadata();
        // Jupyter strips these on every write; a signature in particular must never live in the file.
        metadata.remove("orig_nbformat");
        metadata.remove("orig_nbformat_minor");
        metadata.remove("signature");
        root.set("metadata", metadata);
        root.put("nbformat", nb.nbformat());
        root.put("nbformat_minor", nb.nbformatMinor());
        ArrayNode cells = root.putArray("cells");
        for (Cell cell : nb.cells()) {
            cells.add(cellTree(cell));
        }
        return root;
    }

    private static ObjectNode cellTree(Cell cell) {
        if (cell.type() == CellType.UNKNOWN) {
            return cell.extra(); // A newer kind of cell: as it was read, to the byte.
        }
        ObjectNode c = cell.extra();
        c.put("id", cell.id());
        c.put("cell_type", cell.type().jsonName());
        ObjectNode metadata = cell.metadata();
        metadata.remove("trusted");
        c.set("metadata", metadata);
        c.set("source", lines(cell.source()));
        if (cell.attachments() != null) {
            ObjectNode attachments = c.putObject("attachments");
            cell.attachments().forEach((name, bundle) -> attachments.set(name, bundleTree(bundle)));
        }
        if (cell.type() == CellType.CODE) {
            ArrayNode outputs = c.putArray("outputs");
            for (Output o : cell.outputs()) {
                outputs.add(outputTree(o));
            }
            putCount(c, cell.executionCount());
        }
        return c;
    }

    private static ObjectNode outputTree(Output output) {
        return switch (output) {
            case Output.Stream s -> {
                ObjectNode o = s.extra();
                o.put("output_type", "stream");
                o.put("name", s.name());
                o.set("text", lines(s.text()));
                yield o;
            }
            case Output.DisplayData d -> {
                ObjectNode o = d.extra();
                o.put("output_type", "display_data");
                o.set("data", bundleTree(d.data()));
                o.set("metadata", d.metadata());
                yield o;
            }
            case Output.ExecuteResult r -> {
                ObjectNode o = r.extra();
                o.put("output_type", "execute_result");
                o.set("data", bundleTree(r.data()));
                o.set("metadata", r.metadata());
                putCount(o, r.executionCount());
                yield o;
            }
            case Output.ErrorOutput e -> {
                ObjectNode o = e.extra();
                o.put("output_type", "error");
                o.put("ename", e.ename());
                o.put("evalue", e.evalue());
                ArrayNode tb = o.putArray("traceback");
                e.traceback().forEach(tb::add);
                yield o;
            }
            case Output.Unknown u -> u.raw();
        };
    }

    private static void putCount(ObjectNode o, Integer count) {
        if (count == null) {
            o.putNull("execution_count");
        } else {
            o.put("execution_count", count);
        }
    }

    private static ObjectNode bundleTree(MimeBundle bundle) {
        ObjectNode o = Json.object();
        for (Map.Entry<String, JsonNode> e : bundle.rawValues().entrySet()) {
            String mime = e.getKey();
            JsonNode value = e.getValue();
            boolean split = value.isTextual() && !MimeBundle.isJsonMimeType(mime)
                    && (mime.startsWith("text/") || SPLIT_NON_TEXT.contains(mime));
            o.set(mime, split ? lines(value.textValue()) : value.deepCopy());
        }
        return o;
    }

    private static ArrayNode lines(String text) {
        ArrayNode a = Json.NODES.arrayNode();
        List<String> lines = TextLines.splitKeepEnds(text);
        lines.forEach(a::add);
        return a;
    }
}
