package dev.pageframe.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Converts an nbformat 3 tree into nbformat 4.5 form, rule for rule as Jupyter's
 * {@code nbformat/v4/convert.py} ({@code upgrade}, {@code upgrade_cell}, {@code upgrade_output}) does,
 * so a converted file matches what Jupyter would write.
 */
final class V3Upgrade {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> MULTILINE_OUTPUT_KEYS = List.of("text", "html", "svg", "latex", "javascript", "json");
    /** v3 output keys and their MIME types, in Jupyter's order. */
    private static final Map<String, String> MIME_ALIASES = new LinkedHashMap<>();

    static {
        MIME_ALIASES.put("text", "text/plain");
        MIME_ALIASES.put("html", "text/html");
        MIME_ALIASES.put("svg", "image/svg+xml");
        MIME_ALIASES.put("png", "image/png");
        MIME_ALIASES.put("jpeg", "image/jpeg");
        MIME_ALIASES.put("latex", "text/latex");
        MIME_ALIASES.put("json", "application/json");
        MIME_ALIASES.put("javascript", "application/javascript");
    }

    private V3Upgrade() {}

    static ObjectNode upgrade(ObjectNode nb, Supplier<String> ids) {
        nb.remove("orig_nbformat");
        nb.remove("orig_nbformat_minor");
        JsonNode meta = nb.get("metadata");
        ObjectNode metadata;
        if (meta == null) {
            metadata = nb.putObject("metadata");
        } else if (meta instanceof ObjectNode o) {
            metadata = o;
        } else {
            throw new JsonProblem("metadata", "expected object, got " + JsonPaths.typeName(meta));
        }
        metadata.remove("name");
        metadata.remove("signature");
        nb.put("nbformat", Notebook.NBFORMAT);
        nb.put("nbformat_minor", Notebook.NBFORMAT_MINOR);

        ArrayNode cells = Json.NODES.arrayNode();
        JsonNode worksheets = nb.remove("worksheets");
        if (worksheets == null) {
            // nbformat's v3 schema requires the key. Upgrading without it would write a notebook with no cells over
            // one whose cells sit where version 4 keeps them, under a wrong version number.
            throw new JsonProblem("worksheets", nb.has("cells")
                    ? "missing: this file says nbformat 3, which keeps cells in worksheets, but its cells are in a "
                        + "top-level \"cells\" list, as nbformat 4 keeps them; if it is a version 4 notebook, correct "
                        + "its \"nbformat\" to 4"
                    : "missing: an nbformat 3 notebook keeps its cells in worksheets");
        }
        if (!worksheets.isArray()) {
            throw new JsonProblem("worksheets", "expected list, got " + JsonPaths.typeName(worksheets));
        }
        // Several worksheets never happened in practice; Jupyter flattens them, so do we.
        for (int w = 0; w < worksheets.size(); w++) {
            String wsPath = JsonPaths.index("worksheets", w);
            JsonNode ws = worksheets.get(w);
            JsonNode wsCells = ws.path("cells");
            if (!wsCells.isArray()) {
                throw new JsonProblem(JsonPaths.field(wsPath, "cells"), "expected list, got " + JsonPaths.typeName(wsCells));
            }
            for (int c = 0; c < wsCells.size(); c++) {
                String path = JsonPaths.index(JsonPaths.field(wsPath, "cells"), c);
                JsonNode cell = wsCells.get(c);
                if (!(cell instanceof ObjectNode cellObject)) {
                    throw new JsonProblem(path, "expected object (a cell), got " + JsonPaths.typeName(cell));
                }
                cells.add(upgradeCell(cellObject, path, ids));
            }
        }
        nb.set("cells", cells);
        return nb;
    }

    private static ObjectNode upgradeCell(ObjectNode cell, String path, Supplier<String> ids) {
        JsonNode meta = cell.get("metadata");
        if (meta != null && !meta.isObject()) {
            throw new JsonProblem(JsonPaths.field(path, "metadata"), "expected object, got " + JsonPaths.typeName(meta));
        }
        ObjectNode metadata = meta == null ? cell.putObject("metadata") : (ObjectNode) meta;
        metadata.remove("trusted");
        cell.remove("trusted");
        cell.put("id", ids.get());
        String type = cell.path("cell_type").asText("");
        if (type.equals("code")) {
            rejoin(cell, "input", path);
            cell.remove("language");
            if (cell.has("collapsed")) {
                metadata.set("collapsed", cell.remove("collapsed"));
            }
            JsonNode input = cell.remove("input");
            cell.set("source", input == null ? Json.NODES.textNode("") : input);
            JsonNode prompt = cell.remove("prompt_number");
            cell.set("execution_count", prompt == null ? Json.NODES.nullNode() : prompt);
            JsonNode outputs = cell.get("outputs");
            if (outputs != null && outputs.isArray()) {
                for (int i = 0; i < outputs.size(); i++) {
                    if (outputs.get(i) instanceof ObjectNode out) {
                        upgradeOutput(out, JsonPaths.index(JsonPaths.field(path, "outputs"), i));
                    }
                }
            }
        } else {
            rejoin(cell, "source", path);
            rejoin(cell, "rendered", path);
            if (type.equals("heading")) {
                cell.put("cell_type", "markdown");
                JsonNode levelNode = cell.remove("level");
                int level = levelNode == null ? 1 : NotebookConversion.intValue(levelNode, JsonPaths.field(path, "level"));
                String source = cell.has("source") ? NotebookConversion.multiline(cell.get("source"), JsonPaths.field(path, "source")) : "";
                cell.put("source", "#".repeat(Math.max(0, level)) + " " + String.join(" ", TextLines.splitDropEnds(source)));
            } else if (type.equals("html")) {
                cell.put("cell_type", "markdown");
            }
        }
        return cell;
    }

    private static void upgradeOutput(ObjectNode out, String path) {
        for (String key : MULTILINE_OUTPUT_KEYS) {
            rejoin(out, key, path);
        }
        String type = out.path("output_type").asText("");
        switch (type) {
            case "pyout", "display_data" -> {
                if (!out.has("metadata")) {
                    out.putObject("metadata");
                }
                if (type.equals("pyout")) {
                    out.put("output_type", "execute_result");
                    JsonNode prompt = out.remove("prompt_number");
                    out.set("execution_count", prompt == null ? Json.NODES.nullNode() : prompt);
                }
                ObjectNode data = Json.object();
                for (String key : new ArrayList<>(propertyNames(out))) {
                    if (!key.equals("output_type") && !key.equals("execution_count") && !key.equals("metadata")) {
                        data.set(key, out.remove(key));
                    }
                }
                toMimeKeys(data);
                if (out.get("metadata") instanceof ObjectNode md) {
                    toMimeKeys(md);
                }
                JsonNode json = data.get("application/json");
                if (json != null && json.isTextual()) {
                    try {
                        data.set("application/json", MAPPER.readTree(json.textValue()));
                    } catch (JsonProcessingException e) {
                        throw new JsonProblem(JsonPaths.field(path, "json"), "not valid JSON: " + e.getOriginalMessage());
                    }
                }
                out.set("data", data);
            }
            case "pyerr" -> out.put("output_type", "error");
            case "stream" -> {
                JsonNode stream = out.remove("stream");
                out.set("name", stream == null ? Json.NODES.textNode("stdout") : stream);
            }
            default -> {
                // Other output types pass through untouched, as in Jupyter.
            }
        }
    }

    private static List<String> propertyNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void toMimeKeys(ObjectNode d) {
        MIME_ALIASES.forEach((alias, mime) -> {
            if (d.has(alias)) {
                d.set(mime, d.remove(alias));
            }
        });
    }

    /**
     * nbformat 3's rejoin: lines that do not end in a newline were split without keeping line ends, so
     * they are joined with '\n'; otherwise they are concatenated.
     */
    private static void rejoin(ObjectNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode line = value.get(i);
            if (!line.isTextual()) {
                throw new JsonProblem(JsonPaths.index(JsonPaths.field(path, key), i), "expected string, got " + JsonPaths.typeName(line));
            }
            lines.add(line.textValue());
        }
        boolean keptEnds = !lines.isEmpty() && (lines.getFirst().endsWith("\n") || lines.getFirst().endsWith("\r"));
        node.put(key, String.join(keptEnds ? "" : "\n", lines));
    }
}
