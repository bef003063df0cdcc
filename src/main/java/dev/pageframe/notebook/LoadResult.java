package dev.pageframe.notebook;

import java.util.List;
import java.util.Objects;

/**
 * A notebook as read, plus what the reader changed or wants the user to know (upgrades, generated ids).
 *
 * @param notebook               the notebook, always in nbformat 4 form
 * @param originalNbformat       the major version the file had
 * @param originalNbformatMinor  the minor version the file had
 * @param notes                  plain sentences for the user, e.g. "saving upgrades it to nbformat 4.5"
 */
public record LoadResult(Notebook notebook, int originalNbformat, int originalNbformatMinor, List<String> notes) {

    /** Takes a copy of the notes. */
    public LoadResult {
        Objects.requireNonNull(notebook, "notebook");
        notes = List.copyOf(notes);
    }

    /** True if saving writes a different format version than the file had. */
    public boolean upgraded() {
        return originalNbformat != notebook.nbformat() || originalNbformatMinor != notebook.nbformatMinor();
    }
}
