package dev.pageframe.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** File › Open Recent: the last notebooks opened or saved; choosing one opens it. */
final class RecentMenu {
    private final RecentFiles files;
    private final Executor background;
    private final Consumer<Path> open;
    private final Menu menu = new Menu("Open _Recent");

    RecentMenu(RecentFiles files, Executor background, Consumer<Path> open) {
        this.files = files;
        this.background = background;
        this.open = open;
        menu.setId("menu-file.recent");
        // Checked each time it opens, so a file deleted meanwhile is not offered.
        menu.setOnShowing(e -> rebuild());
        rebuild();
    }

    Menu menu() {
        return menu;
    }

    /** The files offered now, newest first (missing ones dropped). */
    List<Path> shown() {
        return files.existing();
    }

    /** Records a notebook just opened or saved, and stores the list off the FX thread. */
    void opened(Path file) {
        files.add(file);
        String text = files.text();
        background.execute(() -> {
            try {
                files.save(text);
            } catch (IOException e) {
                // The list is a convenience: losing an update costs the user nothing but a menu entry.
            }
        });
        rebuild();
    }

    void rebuild() {
        List<Path> recent = files.existing();
        menu.getItems().clear();
        for (Path p : recent) {
            MenuItem item = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(p));
            menu.getItems().add(item);
        }
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("No recent notebooks");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }
}
