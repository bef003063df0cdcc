package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellIds;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.MimeBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jupyter's split and merge of cells. Both swap the cells they touch for new ones and keep the old ones for Z, which
 * puts them back whole, outputs and all.
 */
final class CellJoins {
    private CellJoins() {}

    /**
     * Splits a cell at the editor's selection {@code [start, end)}: the text before it stays in the cell (its id and
     * metadata too), the selected text, if any, and the text after it become new cells of the same kind below, as
     * JupyterLab's Split Cell does. Line breaks at a part's ends go; a code cell's outputs go, as they no longer belong
     * to either part. Returns the part that holds the text after the selection, or null if nothing was split (a
     * read-only notebook, a cell that is queued or running, or one of a kind the app does not know).
     */
    static CellModel split(NotebookDocument document, CellModel cell, int start, int end) {
        int index = document.cells().indexOf(cell);
        if (!changeable(document, cell) || index < 0) {
            return null;
        }
        String text = cell.source();
        int from = Math.clamp(Math.min(start, end), 0, text.length());
        int to = Math.clamp(Math.max(start, end), 0, text.length());
        List<String> texts = new ArrayList<>(List.of(text.substring(0, from)));
        if (to > from) {
            texts.add(text.substring(from, to));
        }
        texts.add(text.substring(to));

        Cell whole = cell.toCell();
        List<CellModel> parts = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            String part = trimLineBreaks(texts.get(k));
            Cell c = k == 0
                    ? whole.withSource(part).cleared()
                    : new Cell(CellIds.random(), whole.type(), null, part, attachmentsUsed(whole, part), List.of(),
                            null, null);
            parts.add(new CellModel(c));
        }
        document.cells().remove(index);
        document.cells().addAll(index, parts);
        document.markModified();
        document.undoable.remember(() -> {
            document.cells().removeAll(parts);
            document.cells().add(Math.min(index, document.cells().size()), cell);
            return cell;
        });
        return parts.getLast();
    }

    /**
     * Merges a cell with the one right below it into one cell of the upper one's kind, id and metadata, the two texts
     * a blank line apart, as Jupyter's Merge Cell Below does. A merged code cell has no outputs yet; Markdown
     * attachments of both are kept. Returns the merged cell, or null if there is none below or either cannot change.
     */
    static CellModel mergeBelow(NotebookDocument document, CellModel upper) {
        int index = document.cells().indexOf(upper);
        if (index < 0 || index + 1 >= document.cells().size()) {
            return null;
        }
        CellModel lower = document.cells().get(index + 1);
        if (!changeable(document, upper) || !changeable(document, lower)) {
            return null;
        }
        Cell top = upper.toCell();
        Cell merged = top.withSource(top.source() + "\n\n" + lower.source()).cleared();
        if (top.type() != CellType.CODE && !lower.attachments().isEmpty()) {
            Map<String, MimeBundle> both = new LinkedHashMap<>(lower.attachments());
            both.putAll(top.attachmentsOrEmpty());
            merged = merged.withAttachments(both);
        }
        CellModel model = new CellModel(merged);
        document.cells().remove(index, index + 2);
        document.cells().add(index, model);
        document.markModified();
        document.undoable.remember(() -> {
            document.cells().remove(model);
            int at = Math.min(index, document.cells().size());
            document.cells().addAll(at, List.of(upper, lower));
            return upper;
        });
        return model;
    }

    /** Whether a cell may be split or merged now: not while the kernel holds it, and only a kind the app writes. */
    private static boolean changeable(NotebookDocument document, CellModel cell) {
        return !document.isReadOnly() && cell.runState() == RunState.IDLE && cell.type() != CellType.UNKNOWN;
    }

    private static String trimLineBreaks(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == '\n' || s.charAt(b) == '\r')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r')) {
            e--;
        }
        return s.substring(b, e);
    }

    /** The attachments a part's Markdown names ({@code attachment:NAME}), for the new cell that holds it. */
    private static Map<String, MimeBundle> attachmentsUsed(Cell whole, String part) {
        if (whole.type() == CellType.CODE) {
            return null;
        }
        Map<String, MimeBundle> used = new LinkedHashMap<>();
        whole.attachmentsOrEmpty().forEach((name, bundle) -> {
            if (part.contains("attachment:" + name)) {
                used.put(name, bundle);
            }
        });
        return used.isEmpty() ? null : used;
    }
}
