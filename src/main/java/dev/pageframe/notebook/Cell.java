package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notebook cell. Values are immutable; edits return a new cell ({@code withSource},
 * {@code withOutputs}, ...). Fields this model does not name are kept in {@code extra}.
 *
 * @param id             the nbformat 4.5 cell id (see {@link CellIds})
 * @param type           markdown, code or raw
 * @param metadata       cell metadata, kept exactly (tags, collapsed, jupyter.source_hidden, ...)
 * @param source         the cell's text, joined into one string
 * @param attachments    markdown/raw attachments by file name, or {@code null} when the file has none
 *                       (so a cell without the field is written back without it)
 * @param outputs        outputs of a code cell; always empty for other types
 * @param executionCount a code cell's prompt number, {@code null} if not run; always null for other types
 * @param extra          unknown fields of the cell object; for an {@link CellType#UNKNOWN} cell, the whole cell
 *                       object as read, written back untouched
 */
public record Cell(String id, CellType type, ObjectNode metadata, String source,
                   Map<String, MimeBundle> attachments, List<Output> outputs, Integer executionCount,
                   ObjectNode extra) {

    /** Checks the invariants of the file format and takes private copies of mutable parts. */
    public Cell {
        if (!CellIds.isValid(id)) {
            throw new IllegalArgumentException("invalid cell id: " + id);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        metadata = Json.copy(metadata);
        extra = Json.copy(extra);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (attachments != null) {
            attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        }
        if (type != CellType.CODE && (!outputs.isEmpty() || executionCount != null)) {
            throw new IllegalArgumentException(type.jsonName() + " cells have no outputs or execution count");
        }
        if (type == CellType.CODE && attachments != null) {
            throw new IllegalArgumentException("code cells have no attachments");
        }
        if (executionCount != null && executionCount < 0) {
            throw new IllegalArgumentException("execution count must not be negative: " + executionCount);
        }
    }

    /** A new code cell with a fresh id, not yet run. */
    public static Cell code(String source) {
        return new Cell(CellIds.random(), CellType.CODE, null, source, null, List.of(), null, null);
    }

    /** A new markdown cell with a fresh id. */
    public static Cell markdown(String source) {
        return new Cell(CellIds.random(), CellType.MARKDOWN, null, source, null, List.of(), null, null);
    }

    /** A new raw cell with a fresh id. */
    public static Cell raw(String source) {
        return new Cell(CellIds.random(), CellType.RAW, null, source, null, List.of(), null, null);
    }

    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** Attachments by file name; empty when the cell has none. */
    public Map<String, MimeBundle> attachmentsOrEmpty() {
        return attachments == null ? Map.of() : attachments;
    }

    /**
     * A cell of a type this version does not know, from a newer nbformat 4 minor version: kept as {@code json}
     * and written back byte for byte; {@code id} names it in the app, {@code source} is its text if it has any.
     */
    public static Cell unknown(String id, ObjectNode json, ObjectNode metadata, String source) {
        return new Cell(id, CellType.UNKNOWN, metadata, source, null, List.of(), null, json);
    }

    /** The {@code cell_type} the file gives, e.g. {@code "code"}, or the unknown name of a newer kind. */
    public String typeName() {
        return type == CellType.UNKNOWN ? extra.path("cell_type").asText("") : type.jsonName();
    }

    /** This cell with new text. */
    public Cell withSource(String newSource) {
        return new Cell(id, type, metadata, newSource, attachments, outputs, executionCount, extra);
    }

    /** This cell with new metadata. */
    public Cell withMetadata(ObjectNode newMetadata) {
        return new Cell(id, type, newMetadata, source, attachments, outputs, executionCount, extra);
    }

    /** This code cell with new outputs. */
    public Cell withOutputs(List<Output> newOutputs) {
        return new Cell(id, type, metadata, source, attachments, newOutputs, executionCount, extra);
    }

    /** This code cell with one more output. */
    public Cell withOutputAdded(Output output) {
        List<Output> more = new ArrayList<>(outputs);
        more.add(output);
        return withOutputs(more);
    }

    /** This code cell with a new prompt number ({@code null} = not run). */
    public Cell withExecutionCount(Integer newCount) {
        return new Cell(id, type, metadata, source, attachments, outputs, newCount, extra);
    }

    /** This markdown or raw cell with new attachments ({@code null} removes the field). */
    public Cell withAttachments(Map<String, MimeBundle> newAttachments) {
        return new Cell(id, type, metadata, source, newAttachments, outputs, executionCount, extra);
    }

    /** This cell with another id, e.g. for a pasted copy that must not repeat the original's. */
    public Cell withId(String newId) {
        return new Cell(newId, type, metadata, source, attachments, outputs, executionCount, extra);
    }

    /** This code cell as if never run: no outputs, no prompt number. */
    public Cell cleared() {
        return type == CellType.CODE ? new Cell(id, type, metadata, source, null, List.of(), null, extra) : this;
    }

    /**
     * This cell as another type, keeping id, text and metadata. Like Jupyter, outputs are dropped when a
     * code cell stops being code, and attachments when a cell becomes code.
     */
    public Cell withType(CellType newType) {
        if (newType == type) {
            return this;
        }
        Map<String, MimeBundle> keptAttachments = newType == CellType.CODE ? null : attachments;
        return new Cell(id, newType, metadata, source, keptAttachments, List.of(), null, extra);
    }
}
