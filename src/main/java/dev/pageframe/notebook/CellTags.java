package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;

/** The cell tags ({@code metadata.tags}) that change how a notebook runs, with the names Jupyter gives them. */
public final class CellTags {
    /** The cell is expected to fail: its error is kept and a run goes on (nbclient, JupyterLab). */
    public static final String RAISES_EXCEPTION = "raises-exception";
    /** The cell is left out of a whole-notebook run, outputs untouched (nbclient's {@code skip_cells_with_tag}). */
    public static final String SKIP_EXECUTION = "skip-execution";

    private CellTags() {}

    /** True if the cell's {@code metadata.tags} list holds {@code tag}; a malformed tags field holds none. */
    public static boolean has(Cell cell, String tag) {
        JsonNode tags = cell.metadata().get("tags");
        if (tags == null || !tags.isArray()) {
            return false;
        }
        for (JsonNode t : tags) {
            if (t.isTextual() && t.textValue().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** True if the cell may fail without stopping a run. */
    public static boolean raisesException(Cell cell) {
        return has(cell, RAISES_EXCEPTION);
    }

    /** True if a whole-notebook run leaves the cell out. */
    public static boolean skipsExecution(Cell cell) {
        return has(cell, SKIP_EXECUTION);
    }
}
