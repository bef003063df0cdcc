package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks notebook JSON against the rules of the official nbformat 4.5 schema plus what a schema cannot
 * say (unique cell ids, a readable Pageframe machine), and reports every problem with its JSON path.
 * Files of nbformat 4.0–4.4 are held to their own rules, which have no cell ids.
 */
public final class NotebookValidator {
    private static final Pattern NAME = Pattern.compile("^.+$");
    private static final Pattern TAG = Pattern.compile("^[^,]+$");
    private static final Set<String> TOP_LEVEL = Set.of("metadata", "nbformat", "nbformat_minor", "cells");
    private static final Set<String> RAW_OR_MARKDOWN = Set.of("id", "cell_type", "metadata", "source", "attachments");
    private static final Set<String> CODE = Set.of("id", "cell_type", "metadata", "source", "outputs", "execution_count");

    private final List<ValidationProblem> problems = new ArrayList<>();
    /** The file's minor version when it is newer than 4.5, else -1: what nbformat relaxes for such files. */
    private long futureMinor = -1;

    private NotebookValidator() {}

    /** Problems in a notebook file; an empty list means it is valid. */
    public static List<ValidationProblem> validateFile(Path file) throws IOException {
        return validateFile(file, NotebookReader.DEFAULT_MAX_BYTES);
    }

    /**
     * Problems in a notebook file no larger than {@code maxBytes}.
     *
     * @throws NotebookFormatException if the file is not even JSON (too large, bad UTF-8, broken syntax)
     */
    public static List<ValidationProblem> validateFile(Path file, long maxBytes) throws IOException {
        return validate(NotebookJson.readTree(file, maxBytes).root());
    }

    /** Problems in the file this notebook would be saved as. */
    public static List<ValidationProblem> validate(Notebook notebook) {
        return validate(NotebookWriter.toTree(notebook));
    }

    /** Problems in notebook JSON; an empty list means it is valid. */
    public static List<ValidationProblem> validate(JsonNode root) {
        NotebookValidator v = new NotebookValidator();
        v.checkNotebook(root);
        return List.copyOf(v.problems);
    }

    private void problem(String path, String message) {
        problems.add(new ValidationProblem(path, message));
    }

    /** A problem the reader mends as Jupyter's does (a cell given a new id): invalid, but it opens and runs. */
    private void mendable(String path, String message) {
        problems.add(new ValidationProblem(path, message, false, true));
    }

    /**
     * Something a newer minor version may add (a field, a cell or output type): an error up to 4.5, a warning
     * after, as nbformat relaxes its schema for notebooks "from the future"; Pageframe keeps it as it is.
     */
    private void newerThanKnown(String path, String message) {
        if (futureMinor >= 0) {
            String what = message.endsWith("; it is kept as it is") ? message.substring(0, message.lastIndexOf(';')) : message;
            problems.add(new ValidationProblem(path, what + " (nbformat 4." + futureMinor
                    + " is newer than the 4.5 Pageframe knows; it is kept as it is)", true));
        } else {
            problem(path, message);
        }
    }

    private void checkNotebook(JsonNode root) {
        if (!root.isObject()) {
            problem("", "expected a JSON object (a notebook), got " + JsonPaths.typeName(root));
            return;
        }
        JsonNode major = root.get("nbformat");
        if (major == null) {
            problem("nbformat", "missing");
        } else if (major.isNull()) {
            problem("nbformat", "is null (no value); expected the integer 4");
            return;
        } else if (major.isNumber() && !major.canConvertToInt()) {
            // asLong() would wrap round: 100000000000000000000 became 7766279631452241920.
            problem("nbformat", major.asText() + " is out of range; expected 4");
            return;
        } else if (!major.isIntegralNumber()) {
            problem("nbformat", "expected integer, got " + JsonPaths.typeName(major));
        } else if (major.asLong() == 3) {
            // Valid to nbformat, which has the v3 schema; whether it converts is the reader's to say.
            problems.add(new ValidationProblem("nbformat", "nbformat 3 is an old format; Pageframe reads it by "
                    + "converting it to 4.5, and saving writes 4.5", true));
            return;
        } else if (major.asLong() != 4) {
            problem("nbformat", major.asLong() < 4
                    ? "nbformat " + major.asLong() + " is too old to check (nbformat has no schema for it); open and"
                    + " save the notebook to convert it to 4.5"
                    : "nbformat " + major.asLong() + " is not a format Pageframe knows (expected 4)");
            return;
        }
        JsonNode minor = root.get("nbformat_minor");
        boolean idsRequired = true;
        if (minor == null) {
            problem("nbformat_minor", "missing");
        } else if (!minor.isIntegralNumber()) {
            problem("nbformat_minor", "expected integer, got " + JsonPaths.typeName(minor));
        } else if (minor.asLong() < 0) {
            problem("nbformat_minor", "must not be negative");
        } else {
            idsRequired = minor.asLong() >= 5;
            futureMinor = minor.asLong() > Notebook.NBFORMAT_MINOR ? minor.asLong() : -1;
        }
        root.properties().forEach(e -> {
            if (!TOP_LEVEL.contains(e.getKey())) {
                newerThanKnown(e.getKey(), "unknown top-level field (nbformat allows only metadata, nbformat, nbformat_minor, cells)");
            }
        });
        JsonNode metadata = root.get("metadata");
        if (metadata == null) {
            problem("metadata", "missing");
        } else if (!metadata.isObject()) {
            problem("metadata", "expected object, got " + JsonPaths.typeName(metadata));
        } else {
            checkNotebookMetadata((ObjectNode) metadata);
        }
        JsonNode cells = root.get("cells");
        if (cells == null) {
            problem("cells", "missing");
        } else if (!cells.isArray()) {
            problem("cells", "expected list, got " + JsonPaths.typeName(cells));
        } else {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                checkCell(cells.get(i), i, idsRequired, ids);
            }
        }
    }

    private void checkNotebookMetadata(ObjectNode md) {
        JsonNode kernelspec = md.get("kernelspec");
        if (kernelspec != null) {
            if (requireObject(kernelspec, "metadata.kernelspec")) {
                requireString(kernelspec, "name", "metadata.kernelspec", true);
                requireString(kernelspec, "display_name", "metadata.kernelspec", true);
            }
        }
        JsonNode languageInfo = md.get("language_info");
        if (languageInfo != null && requireObject(languageInfo, "metadata.language_info")) {
            String p = "metadata.language_info";
            requireString(languageInfo, "name", p, true);
            for (String f : List.of("file_extension", "mimetype", "pygments_lexer")) {
                requireString(languageInfo, f, p, false);
            }
            JsonNode mode = languageInfo.get("codemirror_mode");
            if (mode != null && !mode.isTextual() && !mode.isObject()) {
                problem(p + ".codemirror_mode", "expected string or object, got " + JsonPaths.typeName(mode));
            }
        }
        JsonNode orig = md.get("orig_nbformat");
        if (orig != null && (!orig.isIntegralNumber() || orig.asLong() < 1)) {
            problem("metadata.orig_nbformat", "expected an integer of at least 1, got " + JsonPaths.typeName(orig));
        }
        requireString(md, "title", "metadata", false);
        JsonNode authors = md.get("authors");
        if (authors != null && !authors.isArray()) {
            problem("metadata.authors", "expected list, got " + JsonPaths.typeName(authors));
        }
        try {
            MachineSpec.fromMetadata(md);
        } catch (JsonProblem p) {
            problem(p.path(), p.detail());
        }
    }

    private void checkCell(JsonNode cell, int index, boolean idsRequired, Map<String, Integer> ids) {
        String path = JsonPaths.index("cells", index);
        if (!cell.isObject()) {
            problem(path, "expected object (a cell), got " + JsonPaths.typeName(cell));
            return;
        }
        JsonNode typeNode = cell.get("cell_type");
        String typePath = JsonPaths.field(path, "cell_type");
        if (typeNode == null) {
            problem(typePath, "missing");
            return;
        }
        String type = typeNode.isTextual() ? typeNode.textValue() : null;
        if (type != null && CellType.fromJsonName(type).isEmpty() && futureMinor >= 0) {
            // nbformat's "unrecognized cell": any fields, but a metadata object.
            newerThanKnown(typePath, "unknown cell type " + typeNode + ", shown read-only");
            JsonNode metadata = cell.get("metadata");
            String mdPath = JsonPaths.field(path, "metadata");
            if (metadata == null) {
                problem(mdPath, "missing");
            } else {
                requireObject(metadata, mdPath);
            }
            return;
        }
        if (type == null || CellType.fromJsonName(type).isEmpty()) {
            problem(typePath, "unknown cell type " + typeNode + " (expected markdown, code or raw)");
            return;
        }
        boolean code = type.equals("code");
        Set<String> allowed = code ? CODE : RAW_OR_MARKDOWN;
        cell.properties().forEach(e -> {
            if (!allowed.contains(e.getKey())) {
                newerThanKnown(JsonPaths.field(path, e.getKey()), "field not allowed in a " + type + " cell");
            }
        });
        if (idsRequired) {
            checkId(cell.get("id"), index, ids);
        } else if (cell.has("id")) {
            // The 4.0-4.4 schemas forbid unknown cell fields, and ids arrived only with 4.5.
            problem(JsonPaths.field(path, "id"), "cell ids need nbformat_minor 5 or later; saving upgrades the file to 4.5");
        }
        JsonNode metadata = cell.get("metadata");
        String mdPath = JsonPaths.field(path, "metadata");
        if (metadata == null) {
            problem(mdPath, "missing");
        } else if (requireObject(metadata, mdPath)) {
            checkCellMetadata((ObjectNode) metadata, mdPath, type);
        }
        checkMultiline(cell.get("source"), JsonPaths.field(path, "source"), true);
        if (code) {
            JsonNode outputs = cell.get("outputs");
            String outPath = JsonPaths.field(path, "outputs");
            if (outputs == null) {
                problem(outPath, "missing");
            } else if (!outputs.isArray()) {
                problem(outPath, "expected list, got " + JsonPaths.typeName(outputs));
            } else {
                for (int i = 0; i < outputs.size(); i++) {
                    checkOutput(outputs.get(i), JsonPaths.index(outPath, i));
                }
            }
            checkExecutionCount(cell, path);
        } else {
            JsonNode attachments = cell.get("attachments");
            String attPath = JsonPaths.field(path, "attachments");
            if (attachments != null && requireObject(attachments, attPath)) {
                attachments.properties().forEach(e -> checkBundle(e.getValue(), JsonPaths.field(attPath, e.getKey())));
            }
        }
    }

    private void checkId(JsonNode id, int index, Map<String, Integer> ids) {
        String path = JsonPaths.field(JsonPaths.index("cells", index), "id");
        if (id == null) {
            mendable(path, "missing; nbformat 4.5 requires an id on every cell");
            return;
        }
        if (!id.isTextual()) {
            problem(path, "expected string, got " + JsonPaths.typeName(id));
            return;
        }
        String value = id.textValue();
        if (!CellIds.isValid(value)) {
            problem(path, "invalid id \"" + Excerpt.of(value) + "\": ids are 1 to " + CellIds.MAX_LENGTH
                    + " characters from a-z, A-Z, 0-9, '-' and '_'");
            return;
        }
        Integer first = ids.putIfAbsent(value, index);
        if (first != null) {
            mendable(path, "duplicate id \"" + value + "\" (also used by cells[" + first + "])");
        }
    }

    private void checkCellMetadata(ObjectNode md, String path, String type) {
        JsonNode name = md.get("name");
        if (name != null && (!name.isTextual() || !NAME.matcher(name.textValue()).find())) {
            problem(JsonPaths.field(path, "name"), "expected a non-empty one-line string");
        }
        JsonNode tags = md.get("tags");
        String tagsPath = JsonPaths.field(path, "tags");
        if (tags != null) {
            if (!tags.isArray()) {
                problem(tagsPath, "expected list of strings, got " + JsonPaths.typeName(tags));
            } else {
                Set<JsonNode> seen = new HashSet<>();
                for (int i = 0; i < tags.size(); i++) {
                    JsonNode tag = tags.get(i);
                    if (!tag.isTextual() || !TAG.matcher(tag.textValue()).find()) {
                        problem(JsonPaths.index(tagsPath, i), "tags are non-empty strings without commas");
                    }
                    if (!seen.add(tag)) {
                        problem(JsonPaths.index(tagsPath, i), "repeated tag " + tag);
                    }
                }
            }
        }
        JsonNode jupyter = md.get("jupyter");
        if (jupyter != null) {
            requireObject(jupyter, JsonPaths.field(path, "jupyter"));
        }
        if (type.equals("raw")) {
            requireString(md, "format", path, false);
        }
        if (type.equals("code")) {
            JsonNode execution = md.get("execution");
            String exPath = JsonPaths.field(path, "execution");
            if (execution != null && requireObject(execution, exPath)) {
                execution.properties().forEach(e -> {
                    if (!e.getValue().isTextual()) {
                        problem(JsonPaths.field(exPath, e.getKey()), "expected an ISO 8601 time string, got "
                                + JsonPaths.typeName(e.getValue()));
                    }
                });
            }
            JsonNode collapsed = md.get("collapsed");
            if (collapsed != null && !collapsed.isBoolean()) {
                problem(JsonPaths.field(path, "collapsed"), "expected boolean, got " + JsonPaths.typeName(collapsed));
            }
            JsonNode scrolled = md.get("scrolled");
            if (scrolled != null && !scrolled.isBoolean() && !(scrolled.isTextual() && scrolled.textValue().equals("auto"))) {
                problem(JsonPaths.field(path, "scrolled"), "expected true, false or \"auto\", got " + scrolled);
            }
        }
    }

    private void checkOutput(JsonNode output, String path) {
        if (!output.isObject()) {
            problem(path, "expected object (an output), got " + JsonPaths.typeName(output));
            return;
        }
        JsonNode typeNode = output.get("output_type");
        String typePath = JsonPaths.field(path, "output_type");
        if (typeNode == null) {
            problem(typePath, "missing");
            return;
        }
        String type = typeNode.isTextual() ? typeNode.textValue() : "";
        Set<String> allowed;
        switch (type) {
            case "stream" -> {
                allowed = Set.of("output_type", "name", "text");
                requireString(output, "name", path, true);
                checkMultiline(output.get("text"), JsonPaths.field(path, "text"), true);
            }
            case "display_data", "execute_result" -> {
                allowed = type.equals("display_data") ? Set.of("output_type", "data", "metadata")
                        : Set.of("output_type", "data", "metadata", "execution_count");
                JsonNode data = output.get("data");
                if (data == null) {
                    problem(JsonPaths.field(path, "data"), "missing");
                } else {
                    checkBundle(data, JsonPaths.field(path, "data"));
                }
                JsonNode md = output.get("metadata");
                if (md == null) {
                    problem(JsonPaths.field(path, "metadata"), "missing");
                } else {
                    requireObject(md, JsonPaths.field(path, "metadata"));
                }
                if (type.equals("execute_result")) {
                    checkExecutionCount(output, path);
                }
            }
            case "error" -> {
                allowed = Set.of("output_type", "ename", "evalue", "traceback");
                requireString(output, "ename", path, true);
                requireString(output, "evalue", path, true);
                JsonNode tb = output.get("traceback");
                String tbPath = JsonPaths.field(path, "traceback");
                if (tb == null) {
                    problem(tbPath, "missing");
                } else if (!tb.isArray()) {
                    problem(tbPath, "expected list of strings, got " + JsonPaths.typeName(tb));
                } else {
                    for (int i = 0; i < tb.size(); i++) {
                        if (!tb.get(i).isTextual()) {
                            problem(JsonPaths.index(tbPath, i), "expected string, got " + JsonPaths.typeName(tb.get(i)));
                        }
                    }
                }
            }
            default -> {
                newerThanKnown(typePath, "unknown output type " + typeNode
                        + " (expected stream, display_data, execute_result or error); it is kept as it is");
                return;
            }
        }
        output.properties().forEach(e -> {
            if (!allowed.contains(e.getKey())) {
                newerThanKnown(JsonPaths.field(path, e.getKey()), "field not allowed in a " + type + " output");
            }
        });
    }

    private void checkBundle(JsonNode bundle, String path) {
        if (!requireObject(bundle, path)) {
            return;
        }
        bundle.properties().forEach(e -> {
            if (!MimeBundle.isJsonMimeType(e.getKey())) {
                checkMultiline(e.getValue(), JsonPaths.field(path, e.getKey()), true);
            }
        });
    }

    private void checkExecutionCount(JsonNode parent, String path) {
        String p = JsonPaths.field(path, "execution_count");
        if (!parent.has("execution_count")) {
            problem(p, "missing (use null for a cell that has not run)");
            return;
        }
        JsonNode count = parent.get("execution_count");
        if (!count.isNull() && (!count.isIntegralNumber() || count.asLong() < 0)) {
            problem(p, "expected a whole number of at least 0 or null, got " + JsonPaths.typeName(count) + " " + count);
        }
    }

    private void checkMultiline(JsonNode node, String path, boolean required) {
        if (node == null) {
            if (required) {
                problem(path, "missing");
            }
            return;
        }
        if (node.isTextual()) {
            return;
        }
        if (!node.isArray()) {
            problem(path, "expected string or list of strings, got " + JsonPaths.typeName(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                problem(JsonPaths.index(path, i), "expected string, got " + JsonPaths.typeName(node.get(i)));
            }
        }
    }

    private boolean requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "expected object, got " + JsonPaths.typeName(node));
            return false;
        }
        return true;
    }

    private void requireString(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode v = parent.get(field);
        String path = JsonPaths.field(parentPath, field);
        if (v == null) {
            if (required) {
                problem(path, "missing");
            }
        } else if (!v.isTextual()) {
            problem(path, "expected string, got " + JsonPaths.typeName(v));
        }
    }
}
