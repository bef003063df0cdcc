package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDocumentsTest {
    @TempDir
    Path home;

    @Test
    void withoutUserDirsTheFolderIsDocumentsPageframe() {
        assertEquals(home.resolve("Documents/Pageframe"), UserDocuments.folder(Map.of(), home));
    }

    @Test
    void theXdgDocumentsDirectoryIsUsedWithHomeExpanded() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/Schreibtisch"
                XDG_DOCUMENTS_DIR="$HOME/Dokumente"
                """);
        assertEquals(home.resolve("Dokumente/Pageframe"), UserDocuments.folder(Map.of(), home));
    }

    @Test
    void xdgConfigHomeIsWhereUserDirsAreRead() throws Exception {
        Path config = Files.createDirectories(home.resolve("cfg"));
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"/srv/papers\"\n");
        assertEquals(Path.of("/srv/papers/Pageframe"),
                UserDocuments.folder(Map.of("XDG_CONFIG_HOME", config.toString()), home));
    }

    @Test
    void aDocumentsDirectorySetToHomeMeansNoneAndFallsBack() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/\"\n");
        assertEquals(home.resolve("Documents/Pageframe"), UserDocuments.folder(Map.of(), home));
    }
}
