package dev.pageframe.notebook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a notebook file's bytes into a JSON tree: the size limit, strict UTF-8, and Jackson's errors in words. */
final class NotebookJson {
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            // Python accepts these, and images can be far larger than Jackson's default string cap.
                            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .build())
                            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(Json.NODES)
            .build();

    /** Parsed JSON of a file plus the notes its decoding produced. */
    record ParsedTree(JsonNode root, List<String> notes) {}

    /** Reads and parses a file with the size limit and strict UTF-8, leaving the file untouched. */
    static ParsedTree readTree(Path file, long maxBytes) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(name, size, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since it was measured; never hold more than the limit.
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, Math.max(size, bytes.length), maxBytes);
        }
        return parse(bytes, name);
    }

    static ParsedTree parse(byte[] bytes, String source) throws NotebookFormatException {
        List<String> notes = new ArrayList<>();
        String text = decodeUtf8(bytes, source);
        return new ParsedTree(parse(text, source, notes), notes);
    }

    static NotebookFormatException tooLarge(String source, long size, long limit) {
        return new NotebookFormatException(source, "", "the file is " + humanSize(size) + " (" + size
                + " bytes), over the " + humanSize(limit) + " limit for notebooks; it was not opened");
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** Strict decoding: Jupyter writes UTF-8, and silently replacing bad bytes would lose data on save. */
    static String decodeUtf8(byte[] bytes, String source) throws NotebookFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            StringBuilder shown = new StringBuilder();
            for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, result.length())); i++) {
                shown.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
            }
            throw new NotebookFormatException(source, "byte " + offset + " (line " + line + ")",
                    "not valid UTF-8 (bytes" + shown + "); notebooks must be saved as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    static JsonNode parse(String text, String source, List<String> notes) throws NotebookFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
            notes.add("The file starts with a byte order mark; saving removes it.");
        }
        if (text.isBlank()) {
            throw new NotebookFormatException(source, "", "the file is empty, so it is not a notebook");
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new NotebookFormatException(source, "", "the file is empty, so it is not a notebook");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    && String.valueOf(e.getOriginalMessage()).startsWith("Document nesting depth")) {
                // Jackson's limit check has neither a location nor words for a user: say both.
                throw new NotebookFormatException(source, JsonNesting.whereTooDeep(text, StreamReadConstraints.DEFAULT_MAX_DEPTH),
                        "lists and objects are nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH
                                + " deep here; no notebook nests that deep");
            }
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new NotebookFormatException(source, where, "malformed JSON: " + cleanJacksonMessage(e.getOriginalMessage()));
        }
    }

    private static String cleanJacksonMessage(String message) {
        // Jackson names its own input source and parser states; users need only where things opened.
        String cleaned = JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2")
                .replace("start marker at", "opened at")
                .replace("for Array starting at", "for the list opened at")
                .replace("for Object starting at", "for the object opened at");
        int newline = cleaned.indexOf('\n');
        return newline < 0 ? cleaned : cleaned.substring(0, newline);
    }

    private NotebookJson() {}
}
