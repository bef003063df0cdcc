package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataDirTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeWhenItIsAbsolute() {
        assertEquals(Path.of("/data/ada/pageframe"),
                UserDataDir.forPlatform("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetOrRelative() {
        Path expected = Path.of("/home/ada/.local/share/pageframe");
        assertEquals(expected, UserDataDir.forPlatform("Linux", Map.of(), HOME));
        assertEquals(expected, UserDataDir.forPlatform("Linux", Map.of("XDG_DATA_HOME", "data"), HOME));
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Pageframe"),
                UserDataDir.forPlatform("Mac OS X", Map.of(), HOME));
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "Pageframe"),
                UserDataDir.forPlatform("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local"), HOME));
    }
}
