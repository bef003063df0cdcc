package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.ui.UiFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** One command table: every key of it works in the modes it names, and the menus, sheet and palette show it. */
class CommandTableTest extends WindowTest {
    /** Quit closes the window the other tests run in; its menu item runs the same table entry. */
    private static final Set<String> NOT_PRESSED = Set.of("file.quit");

    @Test
    void everyShortcutRunsItsCommandInEachModeItNames() throws Exception {
        // Raw cells: each has an editor for edit mode, and running one starts no kernel.
        Path file = ui.writeTrustedNotebook("walk.ipynb", List.of(Cell.raw("one"), Cell.raw("two"), Cell.raw("three")));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        ui.fxRun(() -> ui.window.addCommandListener(c -> ran.add(c.id())));
        NotebookTab tab = ui.open(file);
        int pressed = 0;
        Set<String> seen = new HashSet<>();
        for (Command c : ui.fx(() -> ui.window.commandTable().commands())) {
            if (NOT_PRESSED.contains(c.id())) {
                continue;
            }
            for (Shortcut s : c.shortcuts()) {
                for (Shortcut.Mode mode : List.of(Shortcut.Mode.COMMAND, Shortcut.Mode.EDIT)) {
                    if (!s.worksIn(mode)) {
                        continue;
                    }
                    tab = prepare(tab, file, mode, c.id());
                    ran.clear();
                    press(s);
                    String what = c.id() + " by " + s.display() + " in " + mode + " mode";
                    // A restart of a running machine asks first (AppDialogs.confirmRestart); the command ends with
                    // the answer.
                    ui.waitUntil(what + " runs or asks", () -> ran.contains(c.id())
                            || ui.robot.lookup("#restart-dialog").tryQuery().isPresent());
                    if (!ran.contains(c.id())) {
                        ui.robot.clickOn("Cancel");
                    }
                    ui.waitUntil(what + " runs", () -> ran.contains(c.id()));
                    assertEquals(List.of(c.id()), List.copyOf(ran), what + " runs that command once and nothing else");
                    pressed++;
                    seen.add(c.id());
                    tab = tidy(tab, file);
                }
            }
        }
        long withKeys = ui.fx(() -> ui.window.commandTable().commands().stream()
                .filter(c -> !c.shortcuts().isEmpty() && !NOT_PRESSED.contains(c.id())).count());
        assertEquals(withKeys, seen.size(), "every command with a key was pressed");
        assertTrue(pressed > 60, "both modes of every key were pressed, " + pressed + " presses");
    }

    @Test
    void ctrlShiftEnterRunsEveryCellInBothModes() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("runall-keys.ipynb", List.of(
                Cell.code("int a = 1;"), Cell.code("int b = a + 1;"), Cell.code("System.out.println(a + b);"))));
        ui.clickIntoEditor(tab, 0);
        ui.robot.push(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        ui.waitUntil("Ctrl+Shift+Enter in edit mode ran all three cells", UiFixture.KERNEL_SECONDS,
                () -> tab.document().cells().stream().allMatch(c -> c.executionCountProperty().get() != null));
        assertEquals("3\n", ui.outputText(tab, 2));
        int before = ui.fx(() -> tab.document().cells().get(2).executionCountProperty().get());

        ui.fxRun(() -> tab.view().commandMode());
        ui.waitUntil("command mode", () -> ui.window.getScene().getFocusOwner() == tab.view());
        ui.robot.push(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        ui.waitUntil("Ctrl+Shift+Enter in command mode ran all three cells again", UiFixture.KERNEL_SECONDS,
                () -> tab.document().cells().stream().allMatch(c -> c.executionCountProperty().get() != null
                        && c.executionCountProperty().get() > before));
        assertEquals(3, ui.fx(() -> tab.document().cells().size()), "no cell was added: it is not Shift+Enter");
    }

    @Test
    void theMenusAreMadeFromTheTable() {
        List<String> missing = ui.fx(() -> {
            List<String> ids = new ArrayList<>();
            var bar = (javafx.scene.control.MenuBar) ui.window.lookup(".main-menu");
            Set<String> inMenus = new HashSet<>();
            bar.getMenus().forEach(m -> collect(m, inMenus));
            for (Command c : ui.window.commandTable().commands()) {
                if (c.menu() != null && !inMenus.contains("menu-" + c.id())) {
                    ids.add(c.id());
                }
            }
            return ids;
        });
        assertEquals(List.of(), missing);
        String runAll = ui.fx(() -> {
            var bar = (javafx.scene.control.MenuBar) ui.window.lookup(".main-menu");
            return find(bar.getMenus(), "menu-run.all").getAccelerator().getDisplayText();
        });
        assertEquals(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                .getDisplayText(), runAll);
        String findNext = ui.fx(() -> {
            var bar = (javafx.scene.control.MenuBar) ui.window.lookup(".main-menu");
            var accelerator = find(bar.getMenus(), "menu-edit.findNext").getAccelerator();
            return accelerator == null ? "none" : accelerator.getDisplayText();
        });
        assertEquals(new KeyCodeCombination(KeyCode.F3).getDisplayText(), findNext, "a function key alone is an accelerator");
        // Separators only between groups: none first, last or doubled in any menu.
        List<String> misplaced = ui.fx(() -> {
            var bar = (javafx.scene.control.MenuBar) ui.window.lookup(".main-menu");
            List<String> found = new ArrayList<>();
            for (var menu : bar.getMenus()) {
                var items = menu.getItems();
                for (int i = 0; i < items.size(); i++) {
                    boolean separator = items.get(i) instanceof javafx.scene.control.SeparatorMenuItem;
                    if (separator && (i == 0 || i == items.size() - 1
                            || items.get(i - 1) instanceof javafx.scene.control.SeparatorMenuItem)) {
                        found.add(menu.getText() + " at " + i);
                    }
                }
            }
            return found;
        });
        assertEquals(List.of(), misplaced);
    }

    @Test
    void theShortcutsSheetListsEveryKeyAndCutsNoText() {
        ui.fxRun(() -> ui.window.runCommand(ui.window.commandTable().find("help.shortcuts").orElseThrow()));
        ui.waitUntil("the sheet shows", () -> sheet() != null);
        ui.waitUntil("the sheet is laid out", () -> sheet().getWidth() > 0);
        List<String> problems = ui.fx(() -> {
            List<String> out = new ArrayList<>();
            GridPane grid = sheet();
            Set<String> texts = new HashSet<>();
            for (Node n : grid.getChildren()) {
                Label l = (Label) n;
                texts.add(l.getText());
                if (l.getWidth() + 0.5 < l.prefWidth(-1)) {
                    out.add("cut: " + l.getText() + " (" + l.getWidth() + " < " + l.prefWidth(-1) + ")");
                }
            }
            for (Command c : ui.window.commandTable().commands()) {
                if (!c.shortcuts().isEmpty() && !texts.contains(c.label().replace("\u2026", ""))) {
                    out.add("missing: " + c.label());
                }
                for (Shortcut.Mode m : List.of(Shortcut.Mode.COMMAND, Shortcut.Mode.EDIT)) {
                    if (!c.keysText(m).isEmpty() && !texts.contains(c.keysText(m))) {
                        out.add("missing keys: " + c.keysText(m));
                    }
                }
            }
            return out;
        });
        assertEquals(List.of(), problems);
        // Every column in view: the sheet is as wide as its table, so no column hides behind a sideways scroll.
        String widths = ui.fx(() -> {
            Node up = sheet();
            while (!(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            var scroll = (javafx.scene.control.ScrollPane) up;
            return scroll.getViewportBounds().getWidth() + " >= " + sheet().getWidth();
        });
        String[] w = widths.split(" >= ");
        assertTrue(Double.parseDouble(w[0]) + 0.5 >= Double.parseDouble(w[1]), widths);
        assertTrue(ui.fx(() -> sheet().getChildren().stream().anyMatch(n -> ((Label) n).getText().equals("Run All"))));
    }

    @Test
    void thePaletteListsEveryCommandFiltersAsYouTypeAndRunsOnEnter() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("palette.ipynb", List.of(Cell.markdown("# A"), Cell.markdown("b"))));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        ui.fxRun(() -> ui.window.addCommandListener(c -> ran.add(c.id())));
        ui.fxRun(() -> tab.view().requestFocus());
        ui.waitUntil("command mode", () -> ui.window.getScene().getFocusOwner() == tab.view());
        ui.robot.push(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        ui.waitUntil("the palette opens with the caret in its field",
                () -> ui.window.palette().isVisible() && ui.window.palette().queryField().isFocused());
        assertEquals(ui.fx(() -> ui.window.commandTable().commands().size()),
                ui.fx(() -> ui.window.palette().shownCommands().size()), "an empty query lists every command");

        ui.robot.write("xyzzy");
        assertTrue(ui.fx(() -> ui.window.palette().shownCommands().isEmpty()));
        assertTrue(ui.fx(() -> ui.robot.lookup("#palette-no-match").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)),
                "an empty list says so");
        ui.fxRun(() -> ui.window.palette().queryField().clear());
        ui.robot.write("run all");
        List<Command> shown = ui.fx(() -> ui.window.palette().shownCommands());
        assertFalse(shown.isEmpty());
        assertTrue(shown.stream().allMatch(c -> (c.label() + " " + c.menu()).toLowerCase().contains("run")
                && (c.label() + " " + c.menu()).toLowerCase().contains("all")), "only matching commands: " + shown);
        assertEquals("run.all", shown.getFirst().id());
        assertEquals(2, ui.fx(() -> tab.document().cells().size()), "typed letters are not cell commands");
        ui.robot.push(KeyCode.ENTER);
        ui.waitUntil("Enter runs Run All", () -> ran.contains("run.all"));
        assertFalse(ui.fx(() -> ui.window.palette().isVisible()));
        assertEquals(tab.view(), ui.fx(() -> ui.window.getScene().getFocusOwner()), "the focus goes back to the page");
    }

    // ---- helpers ----

    private static NotebookTab prepare(NotebookTab tab, Path file, Shortcut.Mode mode, String id) throws Exception {
        if (id.equals("file.close") && ui.fx(() -> tab.document().isDirty())) {
            ui.fx(() -> ui.window.save(tab)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (ui.fx(() -> tab.document().cells().size()) < 3) {
            ui.fxRun(() -> tab.view().commands().insert(true, dev.pageframe.notebook.CellType.MARKDOWN));
        }
        ui.fxRun(() -> tab.document().changeType(tab.document().cells().getFirst(), dev.pageframe.notebook.CellType.RAW));
        if (mode == Shortcut.Mode.EDIT) {
            ui.fxRun(() -> tab.view().select(tab.document().cells().getFirst()));
            ui.clickIntoEditor(tab, 0);
        } else {
            ui.fxRun(() -> {
                tab.view().select(tab.document().cells().getFirst());
                tab.view().commandMode();
            });
            ui.waitUntil("command mode", () -> ui.window.getScene().getFocusOwner() == tab.view());
        }
        return tab;
    }

    private static void press(Shortcut s) {
        KeyCodeCombination k = (KeyCodeCombination) s.key();
        for (int i = 0; i < (s.twice() ? 2 : 1); i++) {
            ui.robot.push(k);
        }
    }

    /** Undoes what a command left behind that would get in the next one's way. */
    private static NotebookTab tidy(NotebookTab tab, Path file) throws Exception {
        ui.closeDialogs();
        ui.fxRun(() -> {
            if (ui.window.palette().isVisible()) {
                ui.window.palette().queryField().fireEvent(new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
            }
            if (ui.window.findBar().isVisible()) {
                ui.window.findBar().close();
            }
            ui.window.outlineShownProperty().set(true);
            ui.window.docsShownProperty().set(true);
            ui.window.zoom(0);
            for (var t : List.copyOf(ui.window.tabs().getTabs())) {
                if (t != tab) {
                    ui.window.closeTab((NotebookTab) t);
                }
            }
        });
        ui.waitUntil("the look is back", () -> !ui.window.lookCovered());
        if (!ui.fx(() -> ui.window.tabs().getTabs().contains(tab))) {
            return ui.open(file);
        }
        ui.fxRun(() -> ui.window.tabs().getSelectionModel().select(tab));
        return tab;
    }

    private static void collect(javafx.scene.control.MenuItem m, Set<String> ids) {
        if (m.getId() != null) {
            ids.add(m.getId());
        }
        if (m instanceof javafx.scene.control.Menu menu) {
            menu.getItems().forEach(i -> collect(i, ids));
        }
    }

    private static javafx.scene.control.MenuItem find(List<? extends javafx.scene.control.MenuItem> items, String id) {
        for (var m : items) {
            if (id.equals(m.getId())) {
                return m;
            }
            if (m instanceof javafx.scene.control.Menu menu) {
                var found = find(menu.getItems(), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static GridPane sheet() {
        for (Window w : Window.getWindows()) {
            if (w != ui.stage && w.isShowing() && w.getScene() != null) {
                Node n = w.getScene().getRoot().lookup(".shortcuts");
                if (n instanceof GridPane g) {
                    return g;
                }
            }
        }
        return null;
    }
}
