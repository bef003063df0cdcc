package dev.pageframe.notebook.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.NotebookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private final Notebook disk = Notebook.newEmpty().withCells(List.of(Cell.code("int a = 1;"), Cell.markdown("# A")));
    private final Notebook edited = disk.withCell(0, disk.cells().get(0).withSource("int a = 2;"))
            .insertCell(2, Cell.code("a++;"));

    /** A store written by process {@code pid}, where only {@code live} processes run. */
    private RecoveryStore store(long pid, Set<Long> live) {
        return new RecoveryStore(dir.resolve("recovery"), new NotebookFiles(), Clock.fixed(T0, ZoneOffset.UTC), pid,
                live::contains);
    }

    @Test
    void aSavedCopyIsIndexedWithItsOriginalTimeAndWhatChanged() throws IOException {
        RecoveryStore store = store(10, Set.of(10L));
        Path original = dir.resolve("mine.ipynb");
        store.save("k1", original, "mine.ipynb", disk, edited);

        RecoveryEntry e = store.entries().getFirst();
        assertEquals(new RecoveryEntry("k1", original.toAbsolutePath(), "mine.ipynb", T0, "1 cell changed, 1 added", 10), e);
        assertEquals(NotebookWriter.toJson(edited), NotebookWriter.toJson(store.load(e).notebook()));
        assertTrue(Files.readString(dir.resolve("recovery/index.json")).contains(original.toAbsolutePath().toString()));
    }

    @Test
    void aCopysTrustSealIsKeptInTheIndexAndACopyWithoutOneHasNone() throws IOException {
        RecoveryStore store = store(10, Set.of(10L));
        store.save("sealed", null, "Mine", disk, edited, "ab12");
        store.save("plain", null, "Other", disk, edited);
        RecoveryStore next = store(11, Set.of());
        java.util.Map<String, String> seals = new java.util.HashMap<>();
        next.entries().forEach(e -> seals.put(e.key(), e.seal()));
        assertEquals("ab12", seals.get("sealed"));
        assertEquals(null, seals.get("plain"));
        assertTrue(seals.containsKey("plain"));
    }

    @Test
    void copiesOfACrashedProcessAreLeftOverButThoseOfALiveOneAreNot() throws IOException {
        store(10, Set.of()).save("crashed", null, "Untitled", null, edited);
        store(11, Set.of()).save("running", null, "Other", null, edited);
        RecoveryStore next = store(12, Set.of(11L, 12L));
        assertEquals(List.of("crashed"), next.leftOver().stream().map(RecoveryEntry::key).toList());
        assertEquals("new notebook, 3 cells", next.leftOver().getFirst().summary());
    }

    @Test
    void aCleanExitRemovesOnlyItsOwnCopies() throws IOException {
        RecoveryStore mine = store(10, Set.of(10L, 11L));
        mine.save("a", null, "A", null, edited);
        mine.save("b", null, "B", null, edited);
        store(11, Set.of(10L, 11L)).save("c", null, "C", null, edited);

        mine.discardOwn();

        assertEquals(List.of("c"), mine.entries().stream().map(RecoveryEntry::key).toList());
        assertFalse(Files.exists(mine.copyPath("a")));
        assertFalse(Files.exists(mine.copyPath("b")));
    }

    @Test
    void savingAgainReplacesTheCopyAndItsEntry() throws IOException {
        RecoveryStore store = store(10, Set.of());
        store.save("k", null, "A", disk, disk.insertCell(0, Cell.code("x")));
        store.save("k", null, "A", disk, edited);
        assertEquals(1, store.entries().size());
        assertEquals("1 cell changed, 1 added", store.entries().getFirst().summary());
        assertEquals(3, store.load(store.entries().getFirst()).notebook().cells().size());
    }

    @Test
    void aCopyWhoseIndexIsDamagedIsStillListed() throws IOException {
        RecoveryStore store = store(10, Set.of());
        store.save("k", dir.resolve("x.ipynb"), "x.ipynb", disk, edited);
        Files.writeString(dir.resolve("recovery/index.json"), "{ not json");
        RecoveryEntry e = store(11, Set.of()).leftOver().getFirst();
        assertEquals("k", e.key());
        assertEquals("details lost (no index entry)", e.summary());
    }

    @Test
    void discardingRemovesTheCopyAndIsQuietWhenItIsGone() throws IOException {
        RecoveryStore store = store(10, Set.of());
        store.save("k", null, "A", null, edited);
        store.discard("k");
        store.discard("k");
        assertEquals(List.of(), store.entries());
    }

    @Test
    void keysCannotLeaveTheFolder() {
        RecoveryStore store = store(10, Set.of());
        assertThrows(IllegalArgumentException.class, () -> store.save("../x", null, "A", null, edited));
        assertTrue(RecoveryStore.isValidKey(RecoveryStore.newKey()));
    }
}
