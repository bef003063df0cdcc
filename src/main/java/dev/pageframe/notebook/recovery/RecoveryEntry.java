package dev.pageframe.notebook.recovery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One recovery copy, as the index lists it.
 *
 * @param key      the copy's name in the recovery folder, unique per open notebook
 * @param original the notebook's own file, or null if it was never saved (a new notebook, a bundled one)
 * @param name     what the user knows it by (the file name, or the tab's title)
 * @param savedAt  when the copy was written
 * @param summary  what changed against the file on disk, e.g. "2 cells changed, 1 added"
 * @param pid      the process that wrote it; a copy whose process is gone was left by a crash or a kill
 * @param seal     the copy's trust signature ({@code NotebookTrust.seal}) when the notebook was trusted as it was
 *                 copied, or null: a restored copy of trusted work is trusted again, any other copy is judged afresh
 */
public record RecoveryEntry(String key, Path original, String name, Instant savedAt, String summary, long pid,
                            String seal) {
    /** An entry without a seal. */
    public RecoveryEntry(String key, Path original, String name, Instant savedAt, String summary, long pid) {
        this(key, original, name, savedAt, summary, pid, null);
    }

    /** Requires a valid key, a name, a time and a summary. */
    public RecoveryEntry {
        if (!RecoveryStore.isValidKey(key)) {
            throw new IllegalArgumentException("invalid recovery key: " + key);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(summary, "summary");
    }
}
