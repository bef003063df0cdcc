package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds the human-readable JSON paths used in errors and validation problems, e.g. {@code cells[3].id}. */
final class JsonPaths {
    private JsonPaths() {}

    static String field(String parent, String name) {
        boolean plain = !name.isEmpty() && name.chars().noneMatch(c -> c == '.' || c == '[' || c == ']'
                || c == '"' || Character.isWhitespace(c));
        if (plain) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        // Keys such as "iopub.status.busy" would read as nested fields if dotted.
        String quoted = "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        return parent + quoted;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** A short name for a node's JSON type, as people who edit JSON by hand call them. */
    static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "list";
            case OBJECT -> "object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
