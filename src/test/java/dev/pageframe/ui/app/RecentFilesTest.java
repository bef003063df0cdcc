package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheLastTenNewestFirstOnceEachAndSurvivesARestart() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(Files.writeString(dir.resolve("n" + i + ".ipynb"), "{}"));
        }
        RecentFiles recent = new RecentFiles(dir.resolve("config")).load();
        files.forEach(recent::add);
        recent.add(files.get(5));
        recent.save(recent.text());

        List<Path> expected = new ArrayList<>(List.of(files.get(5)));
        for (int i = 11; i >= 2; i--) {
            if (i != 5) {
                expected.add(files.get(i));
            }
        }
        assertEquals(expected, recent.existing());
        assertEquals(expected, new RecentFiles(dir.resolve("config")).load().existing(), "read back from the config dir");
    }

    @Test
    void filesGoneFromTheDiskAreDropped() throws IOException {
        Path kept = Files.writeString(dir.resolve("kept.ipynb"), "{}");
        Path gone = Files.writeString(dir.resolve("gone.ipynb"), "{}");
        RecentFiles recent = new RecentFiles(dir).load();
        recent.add(kept);
        recent.add(gone);
        Files.delete(gone);
        assertEquals(List.of(kept), recent.existing());
    }

    @Test
    void anUnreadableListIsAnEmptyOne() throws IOException {
        Files.createDirectories(dir.resolve(RecentFiles.FILE_NAME));
        assertEquals(List.of(), new RecentFiles(dir).load().existing());
    }
}
