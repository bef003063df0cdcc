package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A MIME-type-keyed bundle ({@code data} of an output, or one attachment). Text values are held joined
 * into one string; {@code application/json} and {@code application/*+json} values stay JSON.
 */
public final class MimeBundle {
    private static final MimeBundle EMPTY = new MimeBundle(Map.of());

    private final Map<String, JsonNode> values;

    private MimeBundle(Map<String, JsonNode> values) {
        this.values = values;
    }

    /** A bundle with no representations. */
    public static MimeBundle empty() {
        return EMPTY;
    }

    /** A bundle with one text representation, e.g. {@code of("text/plain", "42")}. */
    public static MimeBundle of(String mimeType, String text) {
        return EMPTY.with(mimeType, text);
    }

    /** A bundle holding only {@code text/plain}. */
    public static MimeBundle plain(String text) {
        return of("text/plain", text);
    }

    /** A bundle from JSON values, kept as given (text values must already be joined strings). */
    public static MimeBundle ofJson(Map<String, JsonNode> values) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k).deepCopy()));
        return new MimeBundle(Collections.unmodifiableMap(copy));
    }

    /** True for the MIME types whose values nbformat stores as JSON rather than as text. */
    public static boolean isJsonMimeType(String mimeType) {
        return mimeType.equals("application/json")
                || (mimeType.startsWith("application/") && mimeType.endsWith("+json"));
    }

    /** This bundle plus (or with a replaced) text representation. */
    public MimeBundle with(String mimeType, String text) {
        return withJson(mimeType, TextNode.valueOf(Objects.requireNonNull(text)));
    }

    /** This bundle plus (or with a replaced) JSON representation; for JSON MIME types. */
    public MimeBundle withJson(String mimeType, JsonNode value) {
        Map<String, JsonNode> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(mimeType), Objects.requireNonNull(value).deepCopy());
        return new MimeBundle(Collections.unmodifiableMap(copy));
    }

    /** This bundle without {@code mimeType}. */
    public MimeBundle without(String mimeType) {
        Map<String, JsonNode> copy = new LinkedHashMap<>(values);
        copy.remove(mimeType);
        return new MimeBundle(Collections.unmodifiableMap(copy));
    }

    /** The text of {@code mimeType}, if present and stored as a string. */
    public Optional<String> text(String mimeType) {
        JsonNode v = values.get(mimeType);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    /** The value of {@code mimeType} as JSON (a copy), whatever its kind. */
    public Optional<JsonNode> json(String mimeType) {
        JsonNode v = values.get(mimeType);
        return v == null ? Optional.empty() : Optional.of(v.deepCopy());
    }

    /** True if the bundle has a representation for {@code mimeType}. */
    public boolean has(String mimeType) {
        return values.containsKey(mimeType);
    }

    /** The MIME types present, in file order. */
    public Set<String> mimeTypes() {
        return values.keySet();
    }

    /** True if no representation is present. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Values as read-only JSON nodes; callers inside the package must not mutate them. */
    Map<String, JsonNode> rawValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MimeBundle other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "MimeBundle" + values.keySet();
    }
}
