package dev.pageframe.ui.outputs;

import dev.pageframe.ui.markdown.FittedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;

/**
 * {@code image/png}, {@code image/jpeg}, {@code image/gif}: the picture at its natural size, shrunk
 * to fit the width, or at the width Jupyter metadata asks for. Big images decode when first shown.
 */
public final class ImageOutputView extends VBox {

    /** Base64 payloads longer than this (about 200 KB of image) decode lazily. */
    static final int LAZY_CHARS = 270_000;

    private final FittedImage image;

    ImageOutputView(Image image, double widthHint) {
        getStyleClass().add("output-image");
        setMinWidth(0);
        this.image = new FittedImage(image, widthHint);
        getChildren().add(this.image);
    }

    public Image image() {
        return image.getImage();
    }

    static Node render(MimeRequest request) {
        String base64 = request.text();
        double width = request.typeMetadata().map(m -> m.path("width").asDouble(0)).orElse(0.0);
        if (base64.length() <= LAZY_CHARS) {
            return new ImageOutputView(decode(base64), width);
        }
        double estimate = pngHeight(base64);
        if (width > 0 && estimate > 0) {
            estimate = Math.min(estimate, estimate * width / Math.max(1, pngWidth(base64)));
        }
        return new Lazy(estimate > 0 ? estimate : 300, () -> new ImageOutputView(decode(base64), width),
                e -> request.fallback());
    }

    static Image decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the image is not valid base64", e);
        }
        Image img = new Image(new ByteArrayInputStream(bytes));
        if (img.isError()) {
            throw new IllegalArgumentException("the image could not be decoded", img.getException());
        }
        return img;
    }

    /** Height from a PNG's IHDR chunk without decoding the picture, or -1 when it is not a PNG. */
    static int pngHeight(String base64) {
        byte[] head = header(base64);
        return head == null ? -1 : readInt(head, 20);
    }

    static int pngWidth(String base64) {
        byte[] head = header(base64);
        return head == null ? -1 : readInt(head, 16);
    }

    private static byte[] header(String base64) {
        try {
            byte[] head = Base64.getMimeDecoder().decode(base64.strip().substring(0, 32));
            boolean png = head.length >= 24 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            return png ? head : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
