package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One reading's conversion of notebook JSON (nbformat 2, 3 or 4.x) into the model: checks every
 * field, fills in what Jupyter would, and keeps its notes, the fields it filled in and the ids it used.
 */
final class NotebookConversion {
    private static final Set<String> TOP_LEVEL = Set.of("metadata", "nbformat", "nbformat_minor", "cells");

    private final Supplier<String> idGenerator;
    private final List<String> notes = new ArrayList<>();
    private final List<String> filledIn = new ArrayList<>();

    NotebookConversion(Supplier<String> idGenerator) {
        this.idGenerator = idGenerator;
    }

    LoadResult convert(JsonNode root) {
        if (!root.isObject()) {
            throw new JsonProblem("top level", "expected a JSON object (a notebook), got " + JsonPaths.typeName(root));
        }
        ObjectNode nb = (ObjectNode) root.deepCopy();
        JsonNode major = nb.get("nbformat");
        if (major == null) {
            throw new JsonProblem("nbformat", "missing; this does not look like a Jupyter notebook");
        }
        int nbformat = intValue(major, "nbformat");
        int minor;
        JsonNode minorNode = nb.get("nbformat_minor");
        if (minorNode == null) {
            minor = 0;
            notes.add("The file does not say its nbformat_minor; it was read as " + nbformat + ".0.");
        } else {
            minor = intValue(minorNode, "nbformat_minor");
        }
        if (nbformat < 2) {
            throw new JsonProblem("nbformat", "nbformat " + nbformat + " is too old for Pageframe; "
                    + "open and save it in Jupyter to upgrade it to nbformat 4");
        }
        if (nbformat == 2) {
            // As nbformat's v3 upgrade: a v2 file is a v3 file whose cells may lack metadata.
            v2ToV3(nb);
            notes.add("This file is nbformat 2 (from IPython 0.12 or 0.13).");
        }
        if (nbformat > 4) {
            throw new JsonProblem("nbformat", "nbformat " + nbformat + " is newer than Pageframe understands");
        }
        if (nbformat <= 3) {
            Set<String> taken = new HashSet<>();
            nb = V3Upgrade.upgrade(nb, () -> CellIds.fresh(idGenerator, taken));
            notes.add("This file is nbformat 3 (from IPython 2 or older); it was converted to nbformat 4.5, "
                    + "and saving writes the new format.");
        } else if (minor < Notebook.NBFORMAT_MINOR) {
            notes.add("This file is nbformat 4." + minor + "; saving upgrades it to nbformat 4.5.");
        } else if (minor > Notebook.NBFORMAT_MINOR) {
            notes.add("This file is nbformat 4." + minor + ", newer than the 4.5 Pageframe knows; "
                    + "fields Pageframe does not know are kept as they are.");
        }
        boolean idsRequired = nbformat == 4 && minor >= 5;
        int modelMinor = Math.max(minor, Notebook.NBFORMAT_MINOR);

        ObjectNode metadata = objectOrDefault(nb, "metadata", "");
        stripTransient(metadata);
        MachineSpec.fromMetadata(metadata);

        JsonNode cellsNode = nb.get("cells");
        if (cellsNode == null) {
            throw new JsonProblem("cells", "missing; a notebook needs a list of cells");
        }
        if (!cellsNode.isArray()) {
            throw new JsonProblem("cells", "expected list, got " + JsonPaths.typeName(cellsNode));
        }
        List<Cell> cells = readCells((ArrayNode) cellsNode, idsRequired || nbformat <= 3,
                nbformat == 4 && minor > Notebook.NBFORMAT_MINOR);

        ObjectNode extra = Json.object();
        nb.properties().forEach(e -> {
            if (!TOP_LEVEL.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        if (!filledIn.isEmpty()) {
            notes.add("Filled in " + filledIn.size() + " missing field" + (filledIn.size() == 1 ? "" : "s")
                    + " (" + summarize(filledIn) + "); saving writes them.");
        }
        Notebook notebook = new Notebook(Notebook.NBFORMAT, modelMinor, metadata, cells, extra);
        return new LoadResult(notebook, nbformat, minor, notes);
    }

    private List<Cell> readCells(ArrayNode cellsNode, boolean idsRequired, boolean future) {
        // First pass: keep every id the file gives, so generated ones can never collide with a later cell's.
        Map<String, Integer> firstUse = new HashMap<>();
        Set<String> taken = new HashSet<>();
        String[] ids = new String[cellsNode.size()];
        for (int i = 0; i < cellsNode.size(); i++) {
            JsonNode cell = cellsNode.get(i);
            String path = JsonPaths.index("cells", i);
            if (!cell.isObject()) {
                throw new JsonProblem(path, "expected object (a cell), got " + JsonPaths.typeName(cell));
            }
            JsonNode id = cell.get("id");
            if (id == null) {
                continue;
            }
            String idPath = JsonPaths.field(path, "id");
            boolean valid = id.isTextual() && CellIds.isValid(id.textValue());
            if (!valid) {
                if (idsRequired) {
                    throw new JsonProblem(idPath, id.isTextual()
                            ? "invalid id \"" + Excerpt.of(id.textValue()) + "\": ids are 1 to 64 letters, digits, '-' or '_'"
                            : "expected string, got " + JsonPaths.typeName(id));
                }
                continue;
            }
            Integer earlier = firstUse.putIfAbsent(id.textValue(), i);
            if (earlier != null) {
                if (idsRequired) {
                    // As Jupyter does on reading (nbformat's repair_duplicate_cell_ids): a new id, and a note.
                    notes.add(idPath + " repeated the id \"" + id.textValue() + "\" of cells[" + earlier
                            + "], so it was given a new one; saving writes it.");
                }
                continue;
            }
            ids[i] = id.textValue();
            taken.add(id.textValue());
        }
        int generated = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                ids[i] = CellIds.fresh(idGenerator, taken);
                generated++;
            }
        }
        if (generated > 0) {
            notes.add("Gave " + generated + " cell" + (generated == 1 ? "" : "s")
                    + " a new id, as nbformat 4.5 requires one per cell.");
        }
        List<Cell> cells = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            ObjectNode cell = (ObjectNode) cellsNode.get(i);
            cells.add(future && isUnknownType(cell) ? unknownCell(cell, ids[i])
                    : readCell(cell, JsonPaths.index("cells", i), ids[i]));
        }
        return cells;
    }

    /** A cell_type string this version does not know: a newer minor version's kind of cell. */
    private static boolean isUnknownType(ObjectNode cell) {
        JsonNode type = cell.get("cell_type");
        return type != null && type.isTextual() && CellType.fromJsonName(type.textValue()).isEmpty();
    }

    /** Keeps a newer kind of cell whole, as Jupyter does; only its text is read, to show it. */
    private Cell unknownCell(ObjectNode cell, String id) {
        JsonNode md = cell.get("metadata");
        JsonNode src = cell.get("source");
        String source = "";
        if (src != null) {
            try {
                source = multiline(src, "source");
            } catch (JsonProblem p) {
                source = src.toString();
            }
        }
        notes.add("Cell " + id + " is of type \"" + cell.get("cell_type").textValue() + "\", from a newer"
                + " nbformat; it is shown read-only and saved exactly as it was.");
        return Cell.unknown(id, cell, md != null && md.isObject() ? (ObjectNode) md : null, source);
    }

    private Cell readCell(ObjectNode cell, String path, String id) {
        JsonNode typeNode = cell.get("cell_type");
        if (typeNode == null) {
            throw new JsonProblem(JsonPaths.field(path, "cell_type"), "missing");
        }
        if (!typeNode.isTextual()) {
            throw new JsonProblem(JsonPaths.field(path, "cell_type"), "expected string, got " + JsonPaths.typeName(typeNode));
        }
        CellType type = CellType.fromJsonName(typeNode.textValue()).orElseThrow(() -> new JsonProblem(
                JsonPaths.field(path, "cell_type"), "unknown cell type \"" + typeNode.textValue()
                + "\" (expected markdown, code or raw)"));
        ObjectNode metadata = objectOrDefault(cell, "metadata", path);
        metadata.remove("trusted");
        String source;
        JsonNode sourceNode = cell.get("source");
        if (sourceNode == null) {
            filledIn.add(JsonPaths.field(path, "source"));
            source = "";
        } else {
            source = multiline(sourceNode, JsonPaths.field(path, "source"));
        }
        Set<String> known = new HashSet<>(Set.of("id", "cell_type", "metadata", "source"));
        Map<String, MimeBundle> attachments = null;
        List<Output> outputs = List.of();
        Integer executionCount = null;
        if (type == CellType.CODE) {
            known.add("outputs");
            known.add("execution_count");
            JsonNode outs = cell.get("outputs");
            String outsPath = JsonPaths.field(path, "outputs");
            if (outs == null) {
                filledIn.add(outsPath);
            } else if (!outs.isArray()) {
                throw new JsonProblem(outsPath, "expected list, got " + JsonPaths.typeName(outs));
            } else {
                List<Output> list = new ArrayList<>();
                for (int i = 0; i < outs.size(); i++) {
                    list.add(readOutput(outs.get(i), JsonPaths.index(outsPath, i)));
                }
                outputs = list;
            }
            String countPath = JsonPaths.field(path, "execution_count");
            if (!cell.has("execution_count")) {
                filledIn.add(countPath);
            } else {
                executionCount = executionCount(cell.get("execution_count"), countPath);
            }
        } else {
            known.add("attachments");
            JsonNode att = cell.get("attachments");
            if (att != null) {
                attachments = readAttachments(att, JsonPaths.field(path, "attachments"));
            }
        }
        ObjectNode extra = Json.object();
        cell.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        return new Cell(id, type, metadata, source, attachments, outputs, executionCount, extra);
    }

    private Map<String, MimeBundle> readAttachments(JsonNode att, String path) {
        if (!att.isObject()) {
            throw new JsonProblem(path, "expected object (attachments by file name), got " + JsonPaths.typeName(att));
        }
        Map<String, MimeBundle> out = new LinkedHashMap<>();
        att.properties().forEach(e -> out.put(e.getKey(), mimeBundle(e.getValue(), JsonPaths.field(path, e.getKey()))));
        return out;
    }

    private Output readOutput(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new JsonProblem(path, "expected object (an output), got " + JsonPaths.typeName(node));
        }
        ObjectNode out = (ObjectNode) node;
        JsonNode typeNode = out.get("output_type");
        String typePath = JsonPaths.field(path, "output_type");
        if (typeNode == null) {
            throw new JsonProblem(typePath, "missing");
        }
        if (!typeNode.isTextual()) {
            throw new JsonProblem(typePath, "expected string, got " + JsonPaths.typeName(typeNode));
        }
        String type = typeNode.textValue();
        return switch (type) {
            case "stream" -> new Output.Stream(
                    requiredString(out, "name", path),
                    multiline(required(out, "text", path), JsonPaths.field(path, "text")),
                    extra(out, "output_type", "name", "text"));
            case "display_data" -> new Output.DisplayData(
                    mimeBundle(required(out, "data", path), JsonPaths.field(path, "data")),
                    objectOrDefault(out, "metadata", path),
                    extra(out, "output_type", "data", "metadata"));
            case "execute_result" -> {
                String countPath = JsonPaths.field(path, "execution_count");
                Integer count = null;
                if (!out.has("execution_count")) {
                    filledIn.add(countPath);
                } else {
                    count = executionCount(out.get("execution_count"), countPath);
                }
                yield new Output.ExecuteResult(
                        mimeBundle(required(out, "data", path), JsonPaths.field(path, "data")),
                        objectOrDefault(out, "metadata", path),
                        count,
                        extra(out, "output_type", "data", "metadata", "execution_count"));
            }
            case "error" -> new Output.ErrorOutput(
                    requiredString(out, "ename", path),
                    requiredString(out, "evalue", path),
                    stringList(required(out, "traceback", path), JsonPaths.field(path, "traceback")),
                    extra(out, "output_type", "ename", "evalue", "traceback"));
            default -> new Output.Unknown(out);
        };
    }

    private MimeBundle mimeBundle(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new JsonProblem(path, "expected object (a MIME bundle), got " + JsonPaths.typeName(node));
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String mime = e.getKey();
            JsonNode value = e.getValue();
            if (MimeBundle.isJsonMimeType(mime)) {
                values.put(mime, value);
            } else {
                values.put(mime, Json.NODES.textNode(multiline(value, JsonPaths.field(path, mime))));
            }
        });
        return MimeBundle.ofJson(values);
    }

    private ObjectNode objectOrDefault(ObjectNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        String path = JsonPaths.field(parentPath, field);
        if (node == null) {
            filledIn.add(path);
            return Json.object();
        }
        if (!node.isObject()) {
            throw new JsonProblem(path, "expected object, got " + JsonPaths.typeName(node));
        }
        return (ObjectNode) node;
    }

    private static String summarize(List<String> paths) {
        return paths.size() <= 3 ? String.join(", ", paths)
                : String.join(", ", paths.subList(0, 3)) + " and " + (paths.size() - 3) + " more";
    }

    private static void v2ToV3(ObjectNode nb) {
        JsonNode worksheets = nb.get("worksheets");
        if (worksheets != null && worksheets.isArray()) {
            for (JsonNode ws : worksheets) {
                JsonNode cells = ws.get("cells");
                if (cells != null && cells.isArray()) {
                    for (JsonNode cell : cells) {
                        if (cell.isObject() && !cell.has("metadata")) {
                            ((ObjectNode) cell).putObject("metadata");
                        }
                    }
                }
            }
        }
        nb.put("nbformat", 3);
        nb.put("nbformat_minor", 0);
    }

    private static void stripTransient(ObjectNode metadata) {
        // Jupyter strips these on read and write: they describe one session, not the document.
        metadata.remove("orig_nbformat");
        metadata.remove("orig_nbformat_minor");
        metadata.remove("signature");
    }

    static int intValue(JsonNode node, String path) {
        if (node.isNull()) {
            throw new JsonProblem(path, "is null (no value); expected an integer");
        }
        if (node.isNumber() && !node.canConvertToInt()) {
            throw new JsonProblem(path, abbreviate(node) + " is out of range; expected an integer from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (!node.isIntegralNumber()) {
            throw new JsonProblem(path, "expected integer, got " + JsonPaths.typeName(node) + " " + abbreviate(node));
        }
        return node.intValue();
    }

    private static Integer executionCount(JsonNode node, String path) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new JsonProblem(path, "expected a whole number of at least 0 or null, got "
                    + JsonPaths.typeName(node) + " " + abbreviate(node));
        }
        return node.intValue();
    }

    /** Jupyter writes multi-line text as a list of lines but accepts one string; both mean the joined text. */
    static String multiline(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < node.size(); i++) {
                JsonNode line = node.get(i);
                if (!line.isTextual()) {
                    throw new JsonProblem(JsonPaths.index(path, i), "expected string, got " + JsonPaths.typeName(line));
                }
                sb.append(line.textValue());
            }
            return sb.toString();
        }
        throw new JsonProblem(path, "expected string or list of strings, got " + JsonPaths.typeName(node));
    }

    private static List<String> stringList(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new JsonProblem(path, "expected list of strings, got " + JsonPaths.typeName(node));
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new JsonProblem(JsonPaths.index(path, i), "expected string, got " + JsonPaths.typeName(item));
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static JsonNode required(ObjectNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new JsonProblem(JsonPaths.field(parentPath, field), "missing");
        }
        return node;
    }

    private static String requiredString(ObjectNode parent, String field, String parentPath) {
        JsonNode node = required(parent, field, parentPath);
        if (!node.isTextual()) {
            throw new JsonProblem(JsonPaths.field(parentPath, field), "expected string, got " + JsonPaths.typeName(node));
        }
        return node.textValue();
    }

    private static ObjectNode extra(ObjectNode node, String... known) {
        ObjectNode extra = Json.object();
        Set<String> skip = Set.of(known);
        node.properties().forEach(e -> {
            if (!skip.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        return extra;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
