package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the learner last saved their own copy of each bundled notebook, kept as {@code NAME<tab>PATH} lines in
 * {@code bundled-copies.txt} in the per-user config directory. The app always opens a bundled notebook as it ships,
 * so this is how the pristine one can point at the copy that holds the learner's answers.
 */
final class BundledCopies {
    static final String FILE_NAME = "bundled-copies.txt";
    private final Path store;
    private final Map<String, Path> copies = new LinkedHashMap<>();

    private BundledCopies(Path configDir) {
        this.store = configDir.resolve(FILE_NAME);
    }

    /** The copies kept in {@code configDir}; a missing or unreadable file knows of none (only the pointers are lost). */
    static BundledCopies load(Path configDir) {
        BundledCopies c = new BundledCopies(configDir);
        try {
            ConfigFiles.read(c.store).ifPresent(text -> text.lines().forEach(line -> {
                int tab = line.indexOf('\t');
                if (tab > 0 && tab < line.length() - 1) {
                    c.copies.put(line.substring(0, tab), Path.of(line.substring(tab + 1)));
                }
            }));
        } catch (RuntimeException e) {
            c.copies.clear();
        }
        return c;
    }

    /** The learner's copy of the bundled notebook {@code name}, if one was saved and is still there. */
    synchronized Optional<Path> copyOf(String name) {
        Path p = copies.get(name);
        return p != null && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Remembers {@code copy} as the learner's copy of {@code name}, written whole so a crash leaves the old list. */
    synchronized void record(String name, Path copy) throws IOException {
        copies.put(name, copy.toAbsolutePath().normalize());
        StringBuilder sb = new StringBuilder();
        copies.forEach((n, p) -> sb.append(n).append('\t').append(p).append('\n'));
        ConfigFiles.write(store, sb.toString());
    }
}
