package dev.pageframe.ui.outputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import javafx.scene.Node;

/** {@code application/json}: the value pretty-printed, folded when long. */
final class JsonOutputView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutputView() {}

    static Node render(MimeRequest request) {
        JsonNode value = request.json();
        String text;
        try {
            text = value.isTextual() ? value.textValue() : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        return new TextOutputView(text, "output-json");
    }
}
