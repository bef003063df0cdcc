package dev.pageframe.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MIME bundle published by the cell through {@code CellContext.display} (Jupyter
 * {@code display_data}). Values are JSON values as decoded by Jackson: strings, numbers, booleans,
 * lists, maps; binary data arrives base64-encoded as a string.
 */
public record DisplayData(Map<String, Object> data, Map<String, Object> metadata) implements CellOutput {
    public DisplayData {
        // Not Map.copyOf: JSON values may be null, and bundle order is worth keeping.
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
