package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingOrDamagedFileReadsAsNothingKept() throws IOException {
        assertEquals(Optional.empty(), ConfigFiles.read(dir.resolve("none.txt")));
        Path damaged = Files.write(dir.resolve("damaged.properties"), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});
        assertEquals(Optional.empty(), ConfigFiles.read(damaged));
        assertEquals(Optional.empty(), ConfigFiles.properties(damaged));
        Path badEscape = Files.writeString(dir.resolve("escape.properties"), "a=\\u12");
        assertEquals(Optional.empty(), ConfigFiles.properties(badEscape), "Properties.load refuses a short \\u escape");
    }

    @Test
    void aWriteMakesTheFolderAndReplacesTheFileWhole() throws IOException {
        Path file = dir.resolve("config/pageframe/view.properties");
        ConfigFiles.write(file, "theme=dark\n");
        ConfigFiles.write(file, "theme=light\nzoom=1.25\n");
        assertEquals("light", ConfigFiles.properties(file).orElseThrow().getProperty("theme"));
        assertEquals("1.25", ConfigFiles.properties(file).orElseThrow().getProperty("zoom"));
        try (var left = Files.list(file.getParent())) {
            assertTrue(left.allMatch(file::equals), "no temporary file stays behind");
        }
    }
}
