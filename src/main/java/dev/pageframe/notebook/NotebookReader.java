package dev.pageframe.notebook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads notebook files permissively, as Jupyter does: text as a string or a list of strings,
 * nbformat 4.0–4.5 and nbformat 3 (converted). Anything it cannot make sense of is refused with a
 * {@link NotebookFormatException} that names the place. Reading never writes to the file.
 */
public final class NotebookReader {

    /** Files larger than this (100 MiB) are refused unread unless another limit is given. */
    public static final long DEFAULT_MAX_BYTES = 100L << 20;

    private static final Set<String> TOP_LEVEL = Set.of("metadata", "nbformat", "nbformat_minor", "cells");
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            // Python accepts these, and images can be far larger than Jackson's default string cap.
                            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .build())
                            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(Json.NODES)
            .build();

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
        return fromTree(readTree(file, maxBytes), file.toString());
    }

    /** Reads a notebook from the bytes of a file; {@code sourceName} is used in messages. */
    public LoadResult read(byte[] bytes, String sourceName) throws NotebookFormatException {
        if (bytes.length > maxBytes) {
            throw tooLarge(sourceName, bytes.length, maxBytes);
        }
        return fromTree(parse(bytes, sourceName), sourceName);
    }

    /** Reads a notebook from JSON text; {@code sourceName} is used in messages. */
    public LoadResult readString(String json, String sourceName) throws NotebookFormatException {
        return fromTree(parse(json, sourceName, new ArrayList<>()), sourceName);
    }

    /** Parsed JSON of a file plus the notes its decoding produced. */
    record ParsedTree(JsonNode root, List<String> notes) {}

    /** Reads and parses a file with the size limit and strict UTF-8, leaving the file untouched. */
    static ParsedTree readTree(Path file, long maxBytes) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(name, size, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since it was measured; never hold more than the limit.
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, Math.max(size, bytes.length), maxBytes);
        }
        return parse(bytes, name);
    }

    static ParsedTree parse(byte[] bytes, String source) throws NotebookFormatException {
        List<String> notes = new ArrayList<>();
        String text = decodeUtf8(bytes, source);
        return new ParsedTree(parse(text, source, notes), notes);
    }

    private static NotebookFormatException tooLarge(String source, long size, long limit) {
        return new NotebookFormatException(source, "", "the file is " + humanSize(size) + " (" + size
                + " bytes), over the " + humanSize(limit) + " limit for notebooks; it was not opened");
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** Strict decoding: Jupyter writes UTF-8, and silently replacing bad bytes would lose data on save. */
    static String decodeUtf8(byte[] bytes, String source) throws NotebookFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            StringBuilder shown = new StringBuilder();
            for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, result.length())); i++) {
                shown.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
            }
            throw new NotebookFormatException(source, "byte " + offset + " (line " + line + ")",
                    "not valid UTF-8 (bytes" + shown + "); notebooks must be saved as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    static JsonNode parse(String text, String source, List<String> notes) throws NotebookFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
            notes.add("The file starts with a byte order mark; saving removes it.");
        }
        if (text.isBlank()) {
            throw new NotebookFormatException(source, "", "the file is empty, so it is not a notebook");
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new NotebookFormatException(source, "", "the file is empty, so it is not a notebook");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    && String.valueOf(e.getOriginalMessage()).startsWith("Document nesting depth")) {
                // Jackson's limit check has neither a location nor words for a user: say both.
                throw new NotebookFormatException(source, JsonNesting.whereTooDeep(text, StreamReadConstraints.DEFAULT_MAX_DEPTH),
                        "lists and objects are nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH
                                + " deep here; no notebook nests that deep");
            }
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new NotebookFormatException(source, where, "malformed JSON: " + cleanJacksonMessage(e.getOriginalMessage()));
        }
    }

    private static String cleanJacksonMessage(String message) {
        // Jackson names its own input source and parser states; users need only where things opened.
        String cleaned = JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2")
                .replace("start marker at", "opened at")
                .replace("for Array starting at", "for the list opened at")
                .replace("for Object starting at", "for the object opened at");
        int newline = cleaned.indexOf('\n');
        return newline < 0 ? cleaned : cleaned.substring(0, newline);
    }

    private LoadResult fromTree(ParsedTree parsed, String source) throws NotebookFormatException {
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
            return new Conversion(idGenerator).convert(root);
        } catch (JsonProblem p) {
            throw new NotebookFormatException(source, p.path(), p.detail());
        }
    }

    /** One conversion's state: notes, filled-in fields and used ids. */
    private static final class Conversion {
        private final Supplier<String> idGenerator;
        private final List<String> notes = new ArrayList<>();
        private final List<String> filledIn = new ArrayList<>();

        Conversion(Supplier<String> idGenerator) {
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
