package dev.pageframe.notebook.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.NotebookFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The recovery folder's {@code index.json}: one small entry per copy (original path, name, time, summary, writer's
 * process). Written whole, through a temporary file renamed over it as {@link NotebookFiles} saves a notebook, so a
 * kill leaves the old index or the new one.
 */
final class RecoveryIndex {
    static final String FILE = "index.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

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
                        e.path("summary").asText(""), e.path("pid").asLong(-1)));
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
        }
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        replace(dir.resolve(FILE), bytes);
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            NotebookFiles.removeLeftoverTemps(dir, target.getFileName().toString());
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

}
