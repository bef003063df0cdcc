package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandboxed agent's scratch folder: private, named for its host, gone with it. */
class ScratchTest {
    @TempDir
    Path dir;

    @Test
    void aScratchFolderIsPrivateNewAndNamedForItsHost() throws Exception {
        Scratch first = Scratch.create(dir);
        Scratch second = Scratch.create(dir);
        assertNotEquals(first.path(), second.path());
        for (Scratch s : new Scratch[] {first, second}) {
            assertTrue(Files.isDirectory(s.path()));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.path())));
            assertTrue(s.path().getFileName().toString().startsWith(Scratch.PREFIX + ProcessHandle.current().pid() + "-"));
        }
        Files.writeString(first.path().resolve("left.txt"), "by a cell");
        first.delete();
        assertFalse(Files.exists(first.path()));
        assertTrue(Files.exists(second.path()));
    }

    @Test
    void sweepingDeletesOnlyTheFoldersOfHostsNoLongerRunning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path orphan = Files.createDirectory(dir.resolve(Scratch.PREFIX + gone.pid() + "-1"));
        Files.writeString(orphan.resolve("left.txt"), "by a cell");
        Scratch mine = Scratch.create(dir);
        Scratch.sweepOrphans(dir);
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(mine.path()));
    }
}
