package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSizeTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);

    @TempDir
    Path config;

    @Test
    void theWindowOpensAsItWasLeft() {
        assertTrue(new WindowSize(1100, 700, true).save(config).isEmpty());
        assertEquals(new WindowSize(1100, 700, true), WindowSize.load(config, LAPTOP));
    }

    @Test
    void aSizeFromALargerScreenIsFittedToThisOne() {
        new WindowSize(2400, 1300, false).save(config);
        assertEquals(new WindowSize(1366, 740, false), WindowSize.load(config, LAPTOP));
    }

    @Test
    void aFirstStartOrADamagedFileOpensAtTheFirstStartSize() throws Exception {
        WindowSize first = WindowSize.firstStart(LAPTOP);
        assertEquals(new WindowSize(1366 * 0.92, 740 * 0.92, false), first);
        assertEquals(first, WindowSize.load(config, LAPTOP), "no file yet");
        Files.writeString(config.resolve(WindowSize.FILE_NAME), "width=wide\nheight=700\n");
        assertEquals(first, WindowSize.load(config, LAPTOP), "not a number");
        Files.writeString(config.resolve(WindowSize.FILE_NAME), "width=20\nheight=10\n");
        assertEquals(first, WindowSize.load(config, LAPTOP), "smaller than the app allows: not a size it left");
    }

    @Test
    void aSaveThatCannotWriteSaysSoAndKeepsNothingHalfWritten() throws Exception {
        Path notADirectory = Files.writeString(config.resolve("file"), "x");
        assertTrue(new WindowSize(1000, 700, false).save(notADirectory).isPresent());
    }
}
