package dev.pageframe.notebook.recovery;

import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.UserDataDir;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-user recovery folder: one copy per open notebook with unsaved changes ({@code KEY.ipynb}, saved atomically
 * by {@link NotebookFiles}) and {@code index.json} saying whose copy it is. The app saves a copy while a notebook has
 * unsaved changes and discards it when the notebook is saved or closed; a clean exit discards every copy of its own
 * process, so what is left at the next start was left by a crash or a kill. Several app processes may share the
 * folder: changes to the index are serialised by a file lock, and a copy whose process still runs is not offered.
 */
public final class RecoveryStore {
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOCK = "index.lock";

    private final Path dir;
    private final NotebookFiles files;
    private final Clock clock;
    private final long pid;
    private final LongPredicate alive;

    /**
     * A store in {@code dir}.
     *
     * @param pid   the process id written into this store's entries
     * @param alive tells whether a process id still runs (a live writer's copies are not left over)
     */
    public RecoveryStore(Path dir, NotebookFiles files, Clock clock, long pid, LongPredicate alive) {
        this.dir = Objects.requireNonNull(dir);
        this.files = Objects.requireNonNull(files);
        this.clock = Objects.requireNonNull(clock);
        this.pid = pid;
        this.alive = Objects.requireNonNull(alive);
    }

    /** The store in this user's data directory ({@code recovery} under {@link UserDataDir#current()}), for this process. */
    public static RecoveryStore forCurrentUser() {
        return new RecoveryStore(UserDataDir.current().resolve("recovery"), new NotebookFiles(), Clock.systemUTC(),
                ProcessHandle.current().pid(), p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** A fresh key for a notebook just opened. */
    public static String newKey() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * Saves a recovery copy of {@code current} under {@code key}, replacing the previous one.
     *
     * @param original the notebook's file, or null if it has none
     * @param name     what the recovery list calls it
     * @param onDisk   the notebook as last saved or opened, for the summary; null if never saved
     */
    public RecoveryEntry save(String key, Path original, String name, Notebook onDisk, Notebook current)
            throws IOException {
        return save(key, original, name, onDisk, current, null);
    }

    /** As {@link #save(String, Path, String, Notebook, Notebook)}, with the copy's trust seal (see {@link RecoveryEntry}). */
    public RecoveryEntry save(String key, Path original, String name, Notebook onDisk, Notebook current, String seal)
            throws IOException {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid recovery key: " + key);
        }
        Files.createDirectories(dir);
        RecoveryEntry entry = new RecoveryEntry(key, original == null ? null : original.toAbsolutePath(), name,
                clock.instant(), ChangeSummary.between(onDisk, current).describe(), pid, seal);
        // The copy first: an index entry must never point at a copy older than itself.
        files.save(copyPath(key), current);
        updateIndex(entries -> entries.put(key, entry));
        return entry;
    }

    /** Every copy in the folder, newest first, whoever wrote it; a copy missing from the index is listed by its key. */
    public List<RecoveryEntry> entries() {
        Map<String, RecoveryEntry> byKey = new LinkedHashMap<>();
        for (RecoveryEntry e : RecoveryIndex.read(dir)) {
            if (Files.isRegularFile(copyPath(e.key()))) {
                byKey.put(e.key(), e);
            }
        }
        for (Path copy : copies()) {
            String key = keyOf(copy);
            if (!byKey.containsKey(key)) {
                byKey.put(key, new RecoveryEntry(key, null, key + ".ipynb", lastModified(copy),
                        "details lost (no index entry)", -1));
            }
        }
        List<RecoveryEntry> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(RecoveryEntry::savedAt).reversed());
        return out;
    }

    /**
     * The copies left by processes that no longer run (this one runs, so its own copies are never among them): what
     * a start after a crash offers to restore.
     */
    public List<RecoveryEntry> leftOver() {
        return entries().stream().filter(e -> e.pid() < 0 || !alive.test(e.pid())).toList();
    }

    /** Reads a copy back. */
    public LoadResult load(RecoveryEntry entry) throws IOException {
        return files.load(copyPath(entry.key()));
    }

    /** Removes a copy and its entry; removing one that is gone already is not an error. */
    public void discard(String key) throws IOException {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid recovery key: " + key);
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        updateIndex(entries -> entries.remove(key));
        Files.deleteIfExists(copyPath(key));
    }

    /** Removes every copy this process wrote: a clean exit. */
    public void discardOwn() throws IOException {
        for (RecoveryEntry e : entries()) {
            if (e.pid() == pid) {
                discard(e.key());
            }
        }
    }

    /** Where the copy for {@code key} is kept. */
    public Path copyPath(String key) {
        return dir.resolve(key + ".ipynb");
    }

    private interface Edit {
        void apply(Map<String, RecoveryEntry> entries);
    }

    private synchronized void updateIndex(Edit edit) throws IOException {
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            Map<String, RecoveryEntry> entries = new LinkedHashMap<>();
            for (RecoveryEntry e : RecoveryIndex.read(dir)) {
                entries.put(e.key(), e);
            }
            edit.apply(entries);
            RecoveryIndex.write(dir, List.copyOf(entries.values()));
        }
    }

    private List<Path> copies() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".ipynb") && isValidKey(keyOf(p));
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String keyOf(Path copy) {
        String n = copy.getFileName().toString();
        return n.substring(0, n.length() - ".ipynb".length());
    }

    private java.time.Instant lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return clock.instant();
        }
    }
}
