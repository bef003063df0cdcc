package dev.pageframe.notebook;

import java.util.Optional;

/** The three cell kinds nbformat 4 knows, with the names they have in the file. */
public enum CellType {
    MARKDOWN("markdown"),
    CODE("code"),
    RAW("raw");

    private final String jsonName;

    CellType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The {@code cell_type} string written to the file. */
    public String jsonName() {
        return jsonName;
    }

    /** The type named {@code name} in a file, if it is one of the three. */
    public static Optional<CellType> fromJsonName(String name) {
        for (CellType t : values()) {
            if (t.jsonName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
