package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(html), listing.toList());
        }
        assertEquals("<p>done</p>", Files.readString(html));
    }
}
