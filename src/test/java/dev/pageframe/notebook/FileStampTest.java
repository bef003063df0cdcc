package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
    @TempDir
    Path dir;

    @Test
    void aRewriteWithTheSameSizeAndTimeIsStillNoticed() throws IOException {
        Path f = dir.resolve("a.ipynb");
        Files.writeString(f, "{\"a\": 1}");
        FileTime t = Files.getLastModifiedTime(f);
        FileStamp stamp = FileStamp.of(f);
        assertFalse(stamp.changedOnDisk(f));

        Files.writeString(f, "{\"a\": 2}");
        Files.setLastModifiedTime(f, t);
        assertTrue(stamp.changedOnDisk(f));
    }

    @Test
    void aDeletedFileIsAChangeAndAMissingOneHasItsOwnStamp() throws IOException {
        Path f = dir.resolve("a.ipynb");
        Files.writeString(f, "x");
        FileStamp stamp = FileStamp.of(f);
        Files.delete(f);
        assertTrue(stamp.changedOnDisk(f));
        assertEquals(FileStamp.MISSING, FileStamp.of(f));
    }
}
