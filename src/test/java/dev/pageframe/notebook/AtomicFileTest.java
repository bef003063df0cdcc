package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aWriteRemovesWhatAnInterruptedWriteOfTheSameFileLeft() throws IOException {
        Path html = dir.resolve("lesson.html");
        Files.writeString(dir.resolve(".lesson.html.0badf00d.tmp"), "half an export");
        AtomicFile.write(html, "<p>done</p>".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(html), listing());
        assertEquals("<p>done</p>", Files.readString(html));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary() throws IOException {
        Path html = dir.resolve("lesson.html");
        Files.writeString(html, "old export");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(html, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old export", Files.readString(html));
        assertEquals(List.of(html), listing());
    }

    @Test
    void aReadOnlyFileAMissingFolderAndAFolderAreRefusedWithTheirReasonAndNothingIsWritten() throws IOException {
        Path kept = dir.resolve("kept.ipynb");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("r--r--r--"));
        IOException readOnly = assertThrows(IOException.class, () -> AtomicFile.write(kept, "new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(readOnly.getMessage().endsWith("kept.ipynb: the file is read-only"), readOnly.getMessage());
        assertEquals("old", Files.readString(kept));

        IOException noFolder = assertThrows(IOException.class,
                () -> AtomicFile.write(dir.resolve("nodir/sub/x.ipynb"), new byte[0]));
        assertTrue(noFolder.getMessage().endsWith("nodir" + java.io.File.separator + "sub: no such folder"), noFolder.getMessage());

        IOException folder = assertThrows(IOException.class, () -> AtomicFile.write(dir, new byte[0]));
        assertTrue(folder.getMessage().endsWith("is a folder, not a file"), folder.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(kept), files.toList(), "no temporary files");
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissionsUnlessTheWriteNamesOthers() throws IOException {
        Path shared = dir.resolve("shared.html");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.write(shared, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));

        AtomicFile.write(shared, out -> out.write("private".getBytes(StandardCharsets.UTF_8)), false,
                Set.of(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertEquals("private", Files.readString(shared));
    }

    @Test
    void aLinkIsFollowedSoTheLinkStaysAndItsTargetChanges() throws IOException {
        Path real = dir.resolve("real.html");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), real);
        AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals(true, Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    private List<Path> listing() throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }
}
