package dev.pageframe.notebook.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.AtomicFile;
import dev.pageframe.notebook.UserDataDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A learner's progress through a notebook's exercises (solved or not, hints shown), kept in the user's data directory
 * ({@code exercises/NAME-HASH.json}, one file per notebook), never in the notebook: a shared notebook carries no one's
 * progress, and a bundled notebook, which is never written, still remembers it.
 */
public final class ExerciseProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One exercise's progress.
     *
     * @param solved     the check passed at least once
     * @param hintsShown how many hints were revealed
     */
    public record State(boolean solved, int hintsShown) {
        /** Nothing done yet. */
        public static final State NEW = new State(false, 0);

        /** Rejects a negative count. */
        public State {
            if (hintsShown < 0) {
                throw new IllegalArgumentException("hintsShown must not be negative: " + hintsShown);
            }
        }
    }

    private final Path dir;

    /** Progress kept in {@code dir}. */
    public ExerciseProgress(Path dir) {
        this.dir = Objects.requireNonNull(dir);
    }

    /** Progress in this user's data directory. */
    public static ExerciseProgress forCurrentUser() {
        return new ExerciseProgress(UserDataDir.current().resolve("exercises"));
    }

    /**
     * The name progress is kept under for a notebook: {@code bundled:tour.ipynb} for a bundled one, else the file's
     * absolute path, so two copies of a notebook keep their own progress.
     */
    public static String notebookKey(Path file, boolean bundled) {
        return bundled ? "bundled:" + file.getFileName() : file.toAbsolutePath().normalize().toString();
    }

    /** The progress of exercise {@code exerciseId} of the notebook known as {@code notebookKey}. */
    public State get(String notebookKey, String exerciseId) {
        JsonNode e = read(notebookKey).path(exerciseId);
        return e.isObject() ? new State(e.path("solved").asBoolean(false), Math.max(0, e.path("hintsShown").asInt(0)))
                : State.NEW;
    }

    /** Records exercise {@code exerciseId}'s progress. */
    public synchronized void put(String notebookKey, String exerciseId, State state) throws IOException {
        ObjectNode all = read(notebookKey);
        ObjectNode e = all.putObject(exerciseId);
        e.put("solved", state.solved());
        e.put("hintsShown", state.hintsShown());
        Files.createDirectories(dir);
        AtomicFile.write(file(notebookKey), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    }

    /**
     * Gives the progress kept under {@code from} to the notebook known as {@code to}, as when a notebook is saved under a
     * new name: an exercise counts as solved if it was under either name, and the larger number of hints shown stays.
     * With {@code forget}, nothing is left under {@code from} (a bundled notebook, whose answers went into the copy).
     */
    public synchronized void carryOver(String from, String to, boolean forget) throws IOException {
        if (from.equals(to)) {
            return;
        }
        ObjectNode old = read(from);
        if (old.isEmpty()) {
            return;
        }
        ObjectNode all = read(to);
        for (var e : old.properties()) {
            JsonNode had = all.path(e.getKey());
            ObjectNode merged = all.putObject(e.getKey());
            merged.put("solved", e.getValue().path("solved").asBoolean(false) || had.path("solved").asBoolean(false));
            merged.put("hintsShown", Math.max(Math.max(0, e.getValue().path("hintsShown").asInt(0)),
                    had.path("hintsShown").asInt(0)));
        }
        Files.createDirectories(dir);
        AtomicFile.write(file(to), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        if (forget) {
            Files.deleteIfExists(file(from));
        }
    }

    private ObjectNode read(String notebookKey) {
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file(notebookKey)));
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        } catch (IOException e) {
            // A damaged progress file costs the learner their ticks, not the notebook.
            return JSON.createObjectNode();
        }
    }

    /** A readable, file-system-safe name: the notebook's file name and a hash of the whole key. */
    Path file(String notebookKey) {
        String tail = notebookKey.substring(Math.max(Math.max(notebookKey.lastIndexOf('/'), notebookKey.lastIndexOf('\\')),
                notebookKey.lastIndexOf(':')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(notebookKey.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(tail + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
