package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFilesTest {
    @TempDir
    Path dir;

    /** A stream that fails like a full disk once {@code limit} bytes have gone through. */
    private static UnaryOperator<OutputStream> failAfter(long limit) {
        return out -> new BoundedOutputStream(out, limit, () -> new IOException("No space left on device (injected)"));
    }

    private List<Path> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void saveWritesExactlyTheWritersBytes() throws IOException {
        Path file = dir.resolve("a.ipynb");
        Notebook nb = Fixtures.load("rich.ipynb");
        new NotebookFiles().save(file, nb);
        assertArrayEquals(Fixtures.bytes("rich.ipynb"), Files.readAllBytes(file));
        assertEquals(List.of(file), listing(), "no temporary or backup file is left behind");
    }

    @Test
    void aNotebookLargerThanTheReaderOpensIsNotSavedAndTheOldFileStays() throws IOException {
        Path file = dir.resolve("lesson.ipynb");
        Files.copy(Fixtures.path("rich.ipynb"), file);
        byte[] before = Files.readAllBytes(file);
        NotebookFiles files = new NotebookFiles(new NotebookReader(1 << 20, CellIds.randomGenerator()));
        Notebook huge = Fixtures.load("rich.ipynb").withCells(List.of(Cell.code("1").withOutputs(
                List.of(Output.Stream.stdout("x\n".repeat(200_000))))));
        IOException e = assertThrows(IOException.class, () -> files.save(file, huge));
        assertTrue(e.getMessage().startsWith("the notebook would be over 1 MiB, the most Pageframe opens"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), listing(), "no temporary or backup file is left behind");
        files.save(file, Fixtures.load("rich.ipynb"));
        assertEquals(Fixtures.load("rich.ipynb"), files.load(file).notebook(), "a notebook within the limit saves");
    }

    @Test
    void crashMidWriteLeavesTheOriginalIntact() throws IOException {
        Path file = dir.resolve("lesson.ipynb");
        Files.copy(Fixtures.path("rich.ipynb"), file);
        byte[] before = Files.readAllBytes(file);
        FileTime mtime = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(file, mtime);
        Notebook changed = Fixtures.load("rich.ipynb").withCells(List.of(Cell.code("x".repeat(200_000))));
        NotebookFiles failing = new NotebookFiles(new NotebookReader(), failAfter(70_000));
        IOException e = assertThrows(IOException.class, () -> failing.save(file, changed));
        assertTrue(e.getMessage().contains("injected"));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(mtime, Files.getLastModifiedTime(file));
        assertEquals(List.of(file), listing(), "the half-written temporary file is removed");
        new NotebookFiles().save(file, changed);
        assertEquals(changed, new NotebookFiles().load(file).notebook(), "a later save still works");
    }

    @Test
    void previousVersionIsBackedUpOnlyWhileTheNewOneIsPutInPlace() throws IOException {
        Path file = dir.resolve("lesson.ipynb");
        Files.copy(Fixtures.path("rich.ipynb"), file);
        byte[] before = Files.readAllBytes(file);
        AtomicBoolean backupSeenDuringWrite = new AtomicBoolean(true);
        // While the new content is being written the original is untouched, so no backup is needed yet.
        NotebookFiles observing = new NotebookFiles(new NotebookReader(), out -> {
            backupSeenDuringWrite.set(Files.exists(NotebookFiles.backupPath(file)));
            return out;
        });
        observing.save(file, Notebook.newEmpty());
        assertFalse(backupSeenDuringWrite.get());
        assertFalse(Files.exists(NotebookFiles.backupPath(file)), "removed once the new file is complete");
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void staleBackupFromAnInterruptedSaveIsReplacedAndRemoved() throws IOException {
        Path file = dir.resolve("lesson.ipynb");
        Files.writeString(NotebookFiles.backupPath(file), "old leftover");
        new NotebookFiles().save(file, Notebook.newEmpty());
        new NotebookFiles().save(file, Notebook.newEmpty().withCells(List.of(Cell.markdown("# hi"))));
        assertEquals(List.of(file), listing());
    }

    @Test
    void temporaryFilesOfInterruptedSavesAreRemovedByTheNextSave() throws IOException {
        Path file = dir.resolve("lesson.ipynb");
        // What a kill -9 between writing and renaming leaves: temporaries of this file's earlier saves.
        Files.writeString(dir.resolve(".lesson.ipynb.0badf00d.tmp"), "half");
        Files.writeString(dir.resolve(".lesson.ipynb.DEADBEEF.tmp"), "half");
        Path otherNotebooks = dir.resolve(".other.ipynb.0badf00d.tmp");
        Path notOurs = dir.resolve(".lesson.ipynb.notes.tmp");
        Files.writeString(otherNotebooks, "another file's save in flight");
        Files.writeString(notOurs, "a name we never make");
        new NotebookFiles().save(file, Notebook.newEmpty());
        assertEquals(List.of(file, otherNotebooks, notOurs).stream().sorted().toList(), listing().stream().sorted().toList(),
                "only this file's own leftover temporaries go");
    }

    @Test
    void backupPathIsJupytersHiddenTildeName() {
        assertEquals(dir.resolve(".~lesson.ipynb"), NotebookFiles.backupPath(dir.resolve("lesson.ipynb")));
    }

    @Test
    void saveKeepsTheFilesPermissions() throws IOException {
        Path file = dir.resolve("shared.ipynb");
        new NotebookFiles().save(file, Notebook.newEmpty());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        new NotebookFiles().save(file, Notebook.newEmpty().withCells(List.of(Cell.code("1"))));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void saveThroughASymlinkUpdatesTheTargetAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.ipynb");
        Path link = dir.resolve("link.ipynb");
        new NotebookFiles().save(real, Notebook.newEmpty());
        Files.createSymbolicLink(link, real);
        Notebook changed = Notebook.newEmpty().withCells(List.of(Cell.markdown("via link")));
        new NotebookFiles().save(link, changed);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(changed, new NotebookFiles().load(real).notebook());
    }

    @Test
    void loadThenSaveOfAnUpgradedFileWritesFormat45() throws IOException {
        Path file = dir.resolve("old.ipynb");
        Files.copy(Fixtures.path("v4.4-legacy.ipynb"), file);
        NotebookFiles files = new NotebookFiles(Fixtures.reader());
        LoadResult r = files.load(file);
        files.save(file, r.notebook());
        assertArrayEquals(Fixtures.bytes("v4.4-legacy.upgraded.ipynb"), Files.readAllBytes(file));
        assertFalse(files.load(file).upgraded());
    }
}
