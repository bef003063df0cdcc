package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of saving, over and over (SIGKILL: no shutdown hooks, no finally blocks), and reads
 * the file after each kill: it must always be a whole notebook, either the version before that save or the one
 * being saved. Prints how often each was found, and how often the kill left a temporary file or a backup behind.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class KilledSavesTest {
    private static final int KILLS = 200;

    @TempDir
    Path dir;

    /** One of the two versions the child saves: 300 code cells with outputs, about 0.5 MB, so a save takes a while. */
    static Notebook version(char which) {
        List<Cell> cells = new ArrayList<>();
        String filler = String.valueOf(which).repeat(1500);
        for (int i = 0; i < 300; i++) {
            cells.add(new Cell("c" + i, CellType.CODE, null, "// version " + which + " cell " + i + "\n" + filler,
                    null, List.of(), i + 1, null));
        }
        return Notebook.newEmpty().withCells(cells);
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewVersionWhole() throws Exception {
        byte[] a = NotebookWriter.toJson(version('A')).getBytes(StandardCharsets.UTF_8);
        byte[] b = NotebookWriter.toJson(version('B')).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("work.ipynb");
        Random rnd = new Random(16);
        int sawA = 0;
        int sawB = 0;
        int leftTemps = 0;
        int leftBackups = 0;
        long launchedAtSave = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // Each round starts from a file holding A, as a notebook last saved cleanly would.
            new NotebookFiles().save(file, version('A'));
            // The kill comes while save n is under way: after its line, plus up to 6 ms of spinning (a save takes
            // a few ms here), so it lands in the write, the flush, the rename or between saves.
            int n = 1 + rnd.nextInt(4);
            long spinNanos = (long) (rnd.nextDouble() * 6_000_000);
            Process child = start(file);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("saving " + n)) {
                    // skip the saves before the one to kill
                }
                if (line == null) {
                    fail("the saving child ended before save " + n + ": " + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                long until = System.nanoTime() + spinNanos;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child died");
            }
            launchedAtSave += n;

            byte[] found = Files.readAllBytes(file);
            if (Arrays.equals(found, a)) {
                sawA++;
            } else if (Arrays.equals(found, b)) {
                sawB++;
            } else {
                fail("kill " + (kill + 1) + " (during save " + n + ") left " + found.length + " bytes that are neither"
                        + " version (A is " + a.length + ", B " + b.length + ")");
            }
            // The file also reads as a notebook, as the app would open it.
            assertEquals(300, new NotebookFiles().load(file).notebook().cells().size());
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        leftTemps++;
                    } else if (name.equals(NotebookFiles.backupPath(file).getFileName().toString())) {
                        leftBackups++;
                        // An interrupted save's backup is the version from before it: whole, too.
                        byte[] backup = Files.readAllBytes(p);
                        assertTrue(Arrays.equals(backup, a) || Arrays.equals(backup, b), "the backup is a whole version");
                    }
                }
            }
        }
        System.out.printf("KilledSavesTest: %d kills during saves: file held the old/new version %d/%d times,"
                + " never anything else; %d left a temporary file (removed by the next save), %d a .~ backup;"
                + " mean save killed: %.2f%n", KILLS, sawA, sawB, leftTemps, leftBackups, launchedAtSave / (double) KILLS);
        assertEquals(KILLS, sawA + sawB);
        assertTrue(sawA > 0 && sawB > 0, "kills landed both before and after a rename (A " + sawA + ", B " + sawB + ")");
    }

    private static Process start(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // A class-data archive made by the first child halves the start of the other 199.
        Path archive = Path.of("target", "killed-saves-child.jsa").toAbsolutePath();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                "-cp", System.getProperty("java.class.path"), SavingChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
