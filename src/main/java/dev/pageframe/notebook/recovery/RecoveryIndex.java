package dev.pageframe.notebook.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery folder's {@code index.json}: one small entry per copy (original path, name, time, summary, writer's
 * process). Written whole by {@link AtomicFile}, so a kill
 * leaves the old index or the new one.
 */
final class RecoveryIndex {
    static final String FILE = "index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecoveryIndex() {}

    /** The entries in {@code dir}'s index; a missing or unreadable index has none (the copies are still found). */
    static List<RecoveryEntry> read(Path dir) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(dir.resolve(FILE)));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        List<RecoveryEntry> out = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            try {
                String original = e.path("original").isTextual() ? e.path("original").textValue() : null;
                out.add(new RecoveryEntry(e.path("key").asText(""), original == null ? null : Path.of(original),
                        e.path("name").asText(""), Instant.parse(e.path("savedAt").asText("")),
                        e.path("summary").asText(""), e.path("pid").asLong(-1),
                        e.path("seal").isTextual() ? e.path("seal").textValue() : null));
            } catch (IllegalArgumentException | DateTimeParseException ex) {
                // One damaged entry: its copy is still listed from the folder, under its key.
            }
        }
        return out;
    }

    /** Replaces {@code dir}'s index with {@code entries}. */
    static void write(Path dir, List<RecoveryEntry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("entries");
        for (RecoveryEntry e : entries) {
            ObjectNode o = list.addObject();
            o.put("key", e.key());
            if (e.original() != null) {
                o.put("original", e.original().toString());
            } else {
                o.putNull("original");
            }
            o.put("name", e.name());
            o.put("savedAt", e.savedAt().toString());
            o.put("summary", e.summary());
            o.put("pid", e.pid());
            if (e.seal() != null) {
                o.put("seal", e.seal());
            }
        }
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        AtomicFile.write(dir.resolve(FILE), bytes);
    }

}
