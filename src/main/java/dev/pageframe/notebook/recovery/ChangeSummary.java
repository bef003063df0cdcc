package dev.pageframe.notebook.recovery;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an edited notebook changed against the version on disk, counted by cell id, in the words the recovery list
 * shows: "2 cells changed, 1 added".
 *
 * @param changed cells in both whose text or type differs
 * @param added   cells only in the edited notebook
 * @param removed cells only in the version on disk
 * @param newFile true when there is no version on disk to compare with
 * @param cells   how many cells the edited notebook has
 */
public record ChangeSummary(int changed, int added, int removed, boolean newFile, int cells) {

    /** Compares {@code edited} with {@code onDisk}; a null {@code onDisk} means the notebook was never saved. */
    public static ChangeSummary between(Notebook onDisk, Notebook edited) {
        if (onDisk == null) {
            return new ChangeSummary(0, 0, 0, true, edited.cells().size());
        }
        Map<String, Cell> before = new HashMap<>();
        for (Cell c : onDisk.cells()) {
            before.put(c.id(), c);
        }
        int changed = 0;
        int added = 0;
        for (Cell c : edited.cells()) {
            Cell old = before.remove(c.id());
            if (old == null) {
                added++;
            } else if (!old.source().equals(c.source()) || old.type() != c.type()) {
                changed++;
            }
        }
        return new ChangeSummary(changed, added, before.size(), false, edited.cells().size());
    }

    /** One short line, e.g. "2 cells changed, 1 added, 1 removed", "outputs or settings only", "new notebook, 4 cells". */
    public String describe() {
        if (newFile) {
            return "new notebook, " + count(cells);
        }
        List<String> parts = new ArrayList<>();
        if (changed > 0) {
            parts.add(count(changed) + " changed");
        }
        if (added > 0) {
            parts.add(parts.isEmpty() ? count(added) + " added" : added + " added");
        }
        if (removed > 0) {
            parts.add(parts.isEmpty() ? count(removed) + " removed" : removed + " removed");
        }
        return parts.isEmpty() ? "outputs or settings only" : String.join(", ", parts);
    }

    private static String count(int n) {
        return n + (n == 1 ? " cell" : " cells");
    }
}
