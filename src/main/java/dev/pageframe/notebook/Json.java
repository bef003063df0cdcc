package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers for the defensive copies that keep the model's values effectively immutable. */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A private copy, so no caller can change a model value through a node it still holds. */
    static ObjectNode copy(ObjectNode node) {
        return node == null ? object() : node.deepCopy();
    }
}
