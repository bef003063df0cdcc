package dev.pageframe.notebook.html;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Pictures a notebook's markdown names by a path relative to its folder ({@code ![map](img/map.png)}), read so an
 * exported page carries them inside, as Jupyter shows them beside the notebook. Only files inside that folder (after
 * resolving {@code ..} and links) whose bytes are the image type their name says are taken: an export must not pull
 * some other file of this machine into a page that will be shared.
 */
final class LocalImages {
    /** A picture larger than this stays a link: the page would become unwieldy. */
    static final long MAX_BYTES = 16L << 20;

    private final Path folder;

    /** Images under {@code folder}; with null (a notebook not saved to a file), none. */
    LocalImages(Path folder) {
        this.folder = folder;
    }

    /** The {@code data:} URI for the image at {@code src}, or empty when it is not a local image that may go in. */
    Optional<String> dataUri(String src) {
        if (folder == null || src == null) {
            return Optional.empty();
        }
        String plain = src.strip().replaceFirst("[?#].*$", "");
        String lower = plain.toLowerCase(Locale.ROOT);
        if (plain.isEmpty() || lower.matches("^[a-z][a-z0-9+.-]*:.*") || plain.startsWith("/") || plain.startsWith("\\")) {
            // A URL of any scheme (http:, file:, data:, attachment:) or an absolute path is not a file beside it.
            return Optional.empty();
        }
        try {
            plain = URLDecoder.decode(plain.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path root = folder.toRealPath();
            Path file = root.resolve(plain).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            if (!real.startsWith(root) || Files.size(real) > MAX_BYTES) {
                return Optional.empty();
            }
            String mime = mimeOf(real.getFileName().toString().toLowerCase(Locale.ROOT));
            if (mime == null) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES || !looksLike(mime, bytes)) {
                return Optional.empty();
            }
            return Optional.of("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            // Missing, unreadable or not a usable path (InvalidPathException): the picture stays a link, as it was.
            return Optional.empty();
        }
    }

    private static String mimeOf(String name) {
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".gif")) {
            return "image/gif";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return null;
    }

    /** The file's first bytes are those of its type (an SVG inside {@code <img>} cannot run script). */
    private static boolean looksLike(String mime, byte[] b) {
        return switch (mime) {
            case "image/png" -> startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "image/jpeg" -> startsWith(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/gif" -> startsWith(b, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                    || startsWith(b, "GIF89a".getBytes(StandardCharsets.US_ASCII));
            case "image/webp" -> b.length >= 12 && startsWith(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && Arrays.equals(b, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4);
            case "image/svg+xml" -> new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8).contains("<svg");
            default -> false;
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
