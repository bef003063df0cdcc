package dev.pageframe.notebook;

import java.util.Optional;

/**
 * The three cell kinds nbformat 4 knows, with the names they have in the file, and {@link #UNKNOWN} for a
 * cell type from a newer nbformat 4 minor version, which is kept exactly as it was read.
 */
public enum CellType {
    MARKDOWN("markdown"),
    CODE("code"),
    RAW("raw"),
    /** A kind this version does not know (nbformat 4.6 or later); its JSON is kept in {@link Cell#extra()}. */
    UNKNOWN("");

    private final String jsonName;

    CellType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The {@code cell_type} string written to the file. */
    public String jsonName() {
        return jsonName;
    }

    /** The type named {@code name} in a file, if it is one of the three known ones. */
    public static Optional<CellType> fromJsonName(String name) {
        for (CellType t : values()) {
            if (t != UNKNOWN && t.jsonName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
