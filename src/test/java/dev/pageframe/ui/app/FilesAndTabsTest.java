package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** File › Open Recent, dropping notebook files on the window, ten notebooks open at once, tabs of one name. */
class FilesAndTabsTest extends WindowTest {
    @Test
    void openRecentListsTheLastTenAndOpensOne() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            files.add(ui.writeTrustedNotebook("recent-" + i + ".ipynb", List.of(Cell.markdown("# Notebook " + i))));
        }
        for (Path f : files) {
            ui.open(f);
        }
        List<Path> newestFirst = new ArrayList<>(files.reversed().subList(0, 10));
        assertEquals(newestFirst, ui.fx(() -> ui.window.recentFiles()));
        Path store = ui.configDir.resolve(RecentFiles.FILE_NAME);
        ui.waitUntil("the list is stored in the config dir",
                () -> Files.isRegularFile(store) && Files.readAllLines(store).size() == 10);

        Files.delete(files.get(10));
        ui.closeAllTabs();
        List<String> offered = ui.fx(() -> {
            Menu recent = (Menu) find(((MenuBar) ui.window.lookup(".main-menu")).getMenus(), "menu-file.recent");
            recent.getOnShowing().handle(null);
            return recent.getItems().stream().map(MenuItem::getText).toList();
        });
        assertEquals(9, offered.size(), "the deleted notebook is not offered: " + offered);
        assertTrue(offered.getFirst().startsWith("recent-9.ipynb"), offered.getFirst());
        ui.fxRun(() -> ((Menu) find(((MenuBar) ui.window.lookup(".main-menu")).getMenus(), "menu-file.recent"))
                .getItems().getFirst().fire());
        ui.waitUntil("choosing it opens it", () -> ui.window.current() != null
                && files.get(9).equals(ui.window.current().document().file()));
    }

    @Test
    void twoOpenFilesOfOneNameShowTheirFoldersUntilOneCloses() throws Exception {
        Files.createDirectories(ui.root.resolve("week1"));
        Files.createDirectories(ui.root.resolve("week2"));
        Path first = ui.writeTrustedNotebook("week1/lab.ipynb", List.of(Cell.markdown("# One")));
        Path second = ui.writeTrustedNotebook("week2/lab.ipynb", List.of(Cell.markdown("# Two")));
        NotebookTab one = ui.open(first);
        assertEquals("lab.ipynb", ui.fx(one::getText), "a name open once shows alone");
        NotebookTab two = ui.open(second);
        assertEquals("lab.ipynb \u2014 week1", ui.fx(one::getText));
        assertEquals("lab.ipynb \u2014 week2", ui.fx(two::getText));

        ui.fxRun(() -> two.document().cells().getFirst().sourceProperty().set("# Two, edited"));
        ui.waitUntil("the unsaved mark follows the folder", () -> two.getText().equals("lab.ipynb \u2014 week2 \u2022"));

        ui.fxRun(() -> ui.window.requestClose(one));
        ui.waitUntil("the other goes back to its name alone", () -> two.getText().equals("lab.ipynb \u2022"));
    }

    @Test
    void notebooksOpenedTogetherStandInTheirOrderWithTheLastOnShow() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("c-first.ipynb", "a-second.ipynb", "b-third.ipynb")) {
            files.add(ui.writeTrustedNotebook(name, List.of(Cell.markdown("# " + name))));
        }
        ui.fx(() -> ui.window.openAll(files)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(files, ui.fx(() -> ui.window.tabs().getTabs().stream()
                .map(t -> ((NotebookTab) t).document().file()).toList()));
        assertEquals(files.getLast(), ui.fx(() -> ui.window.current().document().file()));
    }

    @Test
    void droppedNotebookFilesOpenAndOtherFilesAreIgnored() throws Exception {
        Path nb = ui.writeTrustedNotebook("dropped.ipynb", List.of(Cell.markdown("# Dropped")));
        Path text = Files.writeString(ui.root.resolve("notes.txt"), "not a notebook");
        int opened = ui.fx(() -> ui.window.openDropped(List.of(nb.toFile(), text.toFile())));
        assertEquals(1, opened);
        ui.waitUntil("the dropped notebook opens", () -> ui.window.current() != null
                && nb.equals(ui.window.current().document().file()));
        assertEquals(1, ui.fx(() -> ui.window.tabs().getTabs().size()));
        assertEquals(List.of(), NotebookDrop.notebooks(List.of(new File(ui.root.toFile(), "missing.ipynb"))));
    }

    @Test
    void tenOpenNotebooksStayReachableThroughTheTabMenu() throws Exception {
        List<NotebookTab> tabs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tabs.add(ui.open(ui.writeTrustedNotebook("a-long-notebook-name-for-tab-" + i + ".ipynb",
                    List.of(Cell.markdown("# Tab " + i)))));
        }
        assertEquals(tabs.getLast(), ui.fx(() -> ui.window.current()));
        ui.waitUntil("the tab strip shows its menu button", () -> {
            Node b = ui.window.tabs().lookup(".control-buttons-tab");
            return b != null && b.isVisible();
        });
        for (Node header : ui.fx(() -> List.copyOf(ui.window.tabs().lookupAll(".tab")))) {
            // Names elide past the tab's 340 px (MainWindow); the close button and padding come on top.
            assertTrue(ui.fx(() -> header.getLayoutBounds().getWidth()) <= 400, "a tab header stays bounded");
        }
        ui.robot.clickOn(ui.fx(() -> ui.window.tabs().lookup(".tab-down-button")));
        ui.waitUntil("the menu lists every tab", () -> tabMenu() != null && tabMenu().getItems().size() == 10);
        ui.fxRun(() -> tabMenu().getItems().getFirst().fire());
        ui.waitUntil("choosing the first tab shows it", () -> ui.window.current() == tabs.getFirst());
        ui.closeDialogs();
        ui.waitUntil("its header scrolls into view", () -> {
            Node header = ui.window.tabs().lookup(".tab:selected");
            Node area = ui.window.tabs().lookup(".headers-region").getParent();
            Bounds h = header.localToScene(header.getLayoutBounds());
            Bounds a = area.localToScene(area.getLayoutBounds());
            return h.getMinX() >= a.getMinX() - 1 && h.getMaxX() <= a.getMaxX() + 1;
        });
    }

    private static ContextMenu tabMenu() {
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu menu && menu.isShowing()) {
                return menu;
            }
        }
        return null;
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem m : items) {
            if (id.equals(m.getId())) {
                return m;
            }
            if (m instanceof Menu menu) {
                MenuItem found = find(menu.getItems(), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
