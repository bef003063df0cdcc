package dev.pageframe.ui.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pageframe.notebook.MimeBundle;
import java.util.Optional;
import javafx.scene.Node;

/**
 * What a {@link MimeRenderer} is asked to show: one MIME type of an output's bundle, with the
 * output's metadata and the app's {@link OutputContext}.
 *
 * @param data the whole bundle, so a renderer can borrow another representation (e.g. its text)
 * @param mimeType the type this renderer was chosen for
 * @param metadata the output's metadata ({@code {}} when it has none)
 */
public record MimeRequest(MimeBundle data, String mimeType, JsonNode metadata, OutputContext context) {

    public MimeRequest {
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        context = context == null ? OutputContext.NONE : context;
    }

    /** The text of this request's MIME type; throws IllegalArgumentException when it is not text. */
    public String text() {
        return data.text(mimeType).orElseThrow(() -> new IllegalArgumentException(mimeType + " is not text"));
    }

    /** The JSON of this request's MIME type. */
    public JsonNode json() {
        return data.json(mimeType).orElseThrow(() -> new IllegalArgumentException("no " + mimeType));
    }

    /** Metadata that Jupyter keys by MIME type, e.g. {@code {"image/png": {"width": 400}}}. */
    public Optional<JsonNode> typeMetadata() {
        JsonNode m = metadata.get(mimeType);
        return m == null || m.isNull() ? Optional.empty() : Optional.of(m);
    }

    /**
     * The view the next-best renderer would give, for a renderer that finds it cannot show its
     * type after all (e.g. a chart whose data does not parse when it is first shown).
     */
    public Node fallback() {
        return OutputViews.renderBundle(data.without(mimeType), metadata, context);
    }
}
