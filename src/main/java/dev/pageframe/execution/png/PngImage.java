package dev.pageframe.execution.png;

import java.util.Base64;
import java.util.Objects;

/**
 * A PNG and the size it is meant to be shown at in CSS pixels; its pixels are {@code density}
 * times that, so it stays sharp on a high-density screen.
 */
public record PngImage(byte[] bytes, int width, int height, int density) {

    /** Keeps a private copy: a record's array would otherwise be shared. */
    public PngImage {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        if (width <= 0 || height <= 0 || density <= 0) {
            throw new IllegalArgumentException("size and density must be positive");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The file as nbformat stores an {@code image/png} value: base64 without line breaks. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
