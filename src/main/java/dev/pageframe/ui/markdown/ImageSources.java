package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.MimeBundle;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Finds the picture behind an image destination: a cell attachment, a {@code data:} URI or a
 * file next to the notebook. Nothing is fetched from the network.
 */
final class ImageSources {

    /** Raster types JavaFX decodes, in the order an attachment's types are tried. */
    static final List<String> RASTER_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    /** Files bigger than this load in the background so a cell does not stall the window. */
    private static final long BACKGROUND_LOAD_BYTES = 1 << 20;

    private final Map<String, MimeBundle> attachments;
    private final Path baseDir;

    ImageSources(Map<String, MimeBundle> attachments, Path baseDir) {
        this.attachments = attachments;
        this.baseDir = baseDir;
    }

    /**
     * An image, or why there is none. A local image that fails names its path in the text shown in its place;
     * a web image, which is never fetched, shows its alt text with the reason in a tooltip.
     */
    record Resolved(Image image, String problem, boolean remote) {
        static Resolved of(Image image, String what) {
            return image.isError() ? failed(what + " could not be decoded as an image") : new Resolved(image, null, false);
        }

        static Resolved failed(String problem) {
            return new Resolved(null, problem, false);
        }

        static Resolved notFetched(String problem) {
            return new Resolved(null, problem, true);
        }
    }

    Resolved resolve(String destination) {
        String dest = destination == null ? "" : destination.strip();
        String lower = dest.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("attachment:")) {
                return attachment(decode(dest.substring("attachment:".length())));
            }
            if (lower.startsWith("data:")) {
                return dataUri(dest);
            }
            if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
                return Resolved.notFetched("web images are not loaded: " + dest);
            }
            return file(dest);
        } catch (IllegalArgumentException e) {
            return Resolved.failed("the image " + dest + " could not be read: " + e.getMessage());
        }
    }

    private Resolved attachment(String name) {
        MimeBundle bundle = attachments.get(name);
        if (bundle == null) {
            return Resolved.failed("the cell has no attachment named " + name);
        }
        for (String type : RASTER_TYPES) {
            var data = bundle.text(type);
            if (data.isPresent()) {
                return Resolved.of(decodeBase64(data.get()), "attachment " + name);
            }
        }
        return Resolved.failed("attachment " + name + " is not a PNG, JPEG or GIF image");
    }

    private static Resolved dataUri(String uri) {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            return Resolved.failed("malformed data: URI");
        }
        String meta = uri.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!meta.endsWith(";base64")) {
            return Resolved.failed("only base64 data: URIs are shown");
        }
        String type = meta.substring(0, meta.length() - ";base64".length());
        if (!RASTER_TYPES.contains(type)) {
            return Resolved.failed(type + " images are not shown");
        }
        return Resolved.of(decodeBase64(uri.substring(comma + 1)), "the data: URI");
    }

    /**
     * A file named relative to the notebook's (or docs page's) folder; {@code ..} may climb out of it, as in
     * Jupyter. Absolute paths and {@code file:} URLs are refused: a notebook from elsewhere must not show
     * (and so probe for) pictures from anywhere on this machine.
     */
    private Resolved file(String dest) {
        String plain = decode(dest.replaceFirst("[?#].*$", ""));
        if (plain.isEmpty()) {
            return Resolved.failed("the image has no path");
        }
        if (dest.toLowerCase(Locale.ROOT).startsWith("file:") || isAbsolute(plain)) {
            return Resolved.failed("absolute image paths are not shown: " + dest
                    + " (use a path relative to the notebook)");
        }
        if (baseDir == null) {
            return Resolved.failed("relative image paths need a saved notebook: " + dest);
        }
        Path path;
        try {
            // Resolved as a string: the docs folder may be inside the application's jar (another file system).
            path = baseDir.resolve(plain).normalize();
        } catch (InvalidPathException e) {
            return Resolved.failed("not a usable image path: " + dest);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.matches(".*\\.(png|jpe?g|gif|bmp)$")) {
            return Resolved.failed("only PNG, JPEG, GIF and BMP files are shown: " + dest);
        }
        if (!Files.isRegularFile(path)) {
            return Resolved.failed("no image file at " + dest);
        }
        long size;
        try {
            if (!Files.isReadable(path)) {
                return Resolved.failed("the image file " + dest + " cannot be read");
            }
            size = Files.size(path);
        } catch (java.io.IOException | SecurityException e) {
            return Resolved.failed("the image file " + dest + " cannot be read");
        }
        Image image = new Image(path.toUri().toString(), size > BACKGROUND_LOAD_BYTES);
        return Resolved.of(image, dest);
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")
                || Path.of(path).isAbsolute();
    }

    static Image decodeBase64(String base64) {
        byte[] bytes = Base64.getMimeDecoder().decode(base64.strip());
        return new Image(new ByteArrayInputStream(bytes));
    }

    private static String decode(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
