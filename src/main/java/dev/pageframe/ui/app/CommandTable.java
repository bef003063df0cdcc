package dev.pageframe.ui.app;

import static dev.pageframe.ui.app.Shortcut.Mode.BOTH;
import static dev.pageframe.ui.app.Shortcut.Mode.COMMAND;
import static dev.pageframe.ui.app.Shortcut.Mode.EDIT;
import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.notebook.CellCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * Every command of the app, defined once: id, label, menu place, keys per Jupyter mode and action. The menus,
 * the key handling, the Help shortcuts sheet and the command palette are all made from this list.
 */
public final class CommandTable {
    private final List<Command> commands = new ArrayList<>();

    private CommandTable() {}

    /** The commands in menu order. */
    public List<Command> commands() {
        return commands;
    }

    /** The command with this id. */
    public Optional<Command> find(String id) {
        return commands.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The app's commands. */
    public static CommandTable standard() {
        CommandTable t = new CommandTable();
        t.fileCommands();
        t.editCommands();
        t.runCommands();
        t.viewCommands();
        t.helpCommands();
        t.pageCommands();
        return t;
    }

    private void window(String id, String label, String menu, int group, Consumer<MainWindow> action, Shortcut... keys) {
        commands.add(new Command(id, label, menu, group, false, List.of(keys), action, null));
    }

    private void notebook(String id, String label, String menu, int group, BiConsumer<MainWindow, NotebookTab> action,
            Shortcut... keys) {
        commands.add(new Command(id, label, menu, group, true, List.of(keys), w -> {
            NotebookTab tab = w.current();
            if (tab != null) {
                action.accept(w, tab);
            }
        }, null));
    }

    private void cells(String id, String label, String menu, int group, Consumer<CellCommands> action,
            Shortcut... keys) {
        notebook(id, label, menu, group, (w, tab) -> action.accept(tab.view().commands()), keys);
    }

    private void toggle(String id, String label, String menu, int group, Function<MainWindow, BooleanProperty> property,
            Shortcut... keys) {
        commands.add(new Command(id, label, menu, group, false, List.of(keys),
                w -> property.apply(w).set(!property.apply(w).get()), property));
    }

    private static Shortcut both(KeyCode code, javafx.scene.input.KeyCombination.Modifier... modifiers) {
        return Shortcut.of(BOTH, code, modifiers);
    }

    private static Shortcut command(KeyCode code, javafx.scene.input.KeyCombination.Modifier... modifiers) {
        return Shortcut.of(COMMAND, code, modifiers);
    }

    private void fileCommands() {
        window("file.new", "New Notebook", "File", 0, MainWindow::newNotebook, both(KeyCode.N, SHORTCUT_DOWN));
        window("file.open", "Open\u2026", "File", 0, w -> w.files().openWithDialog(), both(KeyCode.O, SHORTCUT_DOWN));
        notebook("file.save", "Save", "File", 1, (w, tab) -> w.save(tab), both(KeyCode.S, SHORTCUT_DOWN));
        notebook("file.saveAs", "Save As\u2026", "File", 1, (w, tab) -> w.saveAs(tab),
                both(KeyCode.S, SHORTCUT_DOWN, SHIFT_DOWN));
        notebook("file.exportHtml", "Export HTML\u2026", "File", 1, (w, tab) -> w.files().exportHtml(tab),
                both(KeyCode.E, SHORTCUT_DOWN, SHIFT_DOWN));
        notebook("file.close", "Close", "File", 2, (w, tab) -> w.requestClose(tab), both(KeyCode.W, SHORTCUT_DOWN));
        window("file.quit", "Quit", "File", 2, w -> {
            if (w.window() instanceof Stage s && w.confirmCloseAll()) {
                s.close();
            }
        }, both(KeyCode.Q, SHORTCUT_DOWN));
    }

    private void editCommands() {
        notebook("edit.find", "Find\u2026", "Edit", -1, (w, tab) -> w.findBar().open(false), both(KeyCode.F, SHORTCUT_DOWN));
        notebook("edit.replace", "Find and Replace\u2026", "Edit", -1, (w, tab) -> w.findBar().open(true),
                both(KeyCode.H, SHORTCUT_DOWN));
        notebook("edit.findNext", "Find Next", "Edit", -1, (w, tab) -> w.findBar().move(+1), both(KeyCode.F3));
        notebook("edit.findPrevious", "Find Previous", "Edit", -1, (w, tab) -> w.findBar().move(-1),
                both(KeyCode.F3, SHIFT_DOWN));
        cells("cell.insertAbove", "Insert Cell Above", "Edit", 0, c -> c.insert(false, CellType.CODE),
                command(KeyCode.A), both(KeyCode.A, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.insertBelow", "Insert Cell Below", "Edit", 0, c -> c.insert(true, CellType.CODE),
                command(KeyCode.B), both(KeyCode.B, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.delete", "Delete Cell", "Edit", 0, CellCommands::deleteSelected, Shortcut.twice(KeyCode.D));
        cells("cell.split", "Split Cell", "Edit", 0, CellCommands::splitSelected,
                both(KeyCode.MINUS, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.mergeBelow", "Merge Cell Below", "Edit", 0, CellCommands::mergeSelectedWithBelow,
                command(KeyCode.M, SHIFT_DOWN));
        cells("cell.undoDelete", "Undo Cell Operation", "Edit", 0, CellCommands::undoCellOperation,
                command(KeyCode.Z), command(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.moveUp", "Move Cell Up", "Edit", 1, c -> c.moveSelected(-1), both(KeyCode.UP, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.moveDown", "Move Cell Down", "Edit", 1, c -> c.moveSelected(+1),
                both(KeyCode.DOWN, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("cell.cut", "Cut Cell", "Edit", 2, CellCommands::cutSelected, command(KeyCode.X));
        cells("cell.copy", "Copy Cell", "Edit", 2, CellCommands::copySelected, command(KeyCode.C));
        cells("cell.paste", "Paste Cell Below", "Edit", 2, CellCommands::pasteBelow, command(KeyCode.V));
        cells("cell.clearOutput", "Clear Cell Output", "Edit", 3, CellCommands::clearSelectedOutput);
        cells("cell.clearAllOutputs", "Clear All Outputs", "Edit", 3, CellCommands::clearAllOutputs);
        cells("cell.toggleOutput", "Hide or Show Cell Output", "Edit", 3, CellCommands::toggleSelectedOutput,
                command(KeyCode.O));
        cells("cell.toggleOutputScrolling", "Scroll or Expand Cell Output", "Edit", 3,
                CellCommands::toggleSelectedOutputScrolling, command(KeyCode.O, SHIFT_DOWN));
        cells("cell.toCode", "Code", "Edit/Cell Type", 4, c -> c.changeSelectedType(CellType.CODE), command(KeyCode.Y));
        cells("cell.toMarkdown", "Markdown", "Edit/Cell Type", 4, c -> c.changeSelectedType(CellType.MARKDOWN),
                command(KeyCode.M));
        cells("cell.toRaw", "Raw", "Edit/Cell Type", 4, c -> c.changeSelectedType(CellType.RAW), command(KeyCode.R));
    }

    private void runCommands() {
        cells("run.cell", "Run Cell", "Run", 0, CellCommands::runSelected, both(KeyCode.ENTER, SHORTCUT_DOWN));
        cells("run.cellAndSelectBelow", "Run Cell and Select Below", "Run", 0, CellCommands::runSelectedAndAdvance,
                both(KeyCode.ENTER, SHIFT_DOWN));
        cells("run.cellAndInsertBelow", "Run Cell and Insert Below", "Run", 0, CellCommands::runSelectedAndInsertBelow,
                both(KeyCode.ENTER, ALT_DOWN));
        cells("run.all", "Run All", "Run", 0, CellCommands::runAll, both(KeyCode.ENTER, SHORTCUT_DOWN, SHIFT_DOWN));
        cells("run.above", "Run All Above", "Run", 0, CellCommands::runAbove);
        cells("run.below", "Run Selected and All Below", "Run", 0, CellCommands::runBelow);
        notebook("kernel.interrupt", "Interrupt", "Run", 1, (w, tab) -> tab.document().interrupt(), Shortcut.twice(KeyCode.I));
        notebook("kernel.restart", "Restart Kernel", "Run", 1, (w, tab) -> {
            if (mayRestart(w, tab, AppDialogs.AfterRestart.NOTHING)) {
                tab.document().restart();
            }
        }, Shortcut.twice(KeyCode.DIGIT0), Shortcut.twice(KeyCode.NUMPAD0).asAlias());
        notebook("kernel.restartAndRunAll", "Restart and Run All", "Run", 1, (w, tab) -> {
            if (mayRestart(w, tab, AppDialogs.AfterRestart.RUN_ALL)) {
                tab.document().restartAndRunAll();
            }
        });
        notebook("kernel.restartAndClear", "Restart and Clear All Outputs", "Run", 1, (w, tab) -> {
            if (mayRestart(w, tab, AppDialogs.AfterRestart.CLEAR)) {
                tab.document().restart();
                tab.view().commands().clearAllOutputs();
            }
        });
        notebook("kernel.machine", "Change Machine\u2026", "Run", 1, MainWindow::changeMachine);
        // On by default; the window warns in the status bar when it is turned off (MainWindow).
        toggle("kernel.sandbox", "Sandbox Cells", "Run", 2, w -> w.sandbox().enabledProperty());
    }

    /** A machine that has not started has nothing to lose: only a running one asks first. */
    private static boolean mayRestart(MainWindow w, NotebookTab tab, AppDialogs.AfterRestart after) {
        return tab.document().sessionIfStarted() == null
                || AppDialogs.confirmRestart(w.window(), tab.document().file() == null ? "this notebook"
                        : tab.document().file().getFileName().toString(), after);
    }

    private void viewCommands() {
        toggle("view.darkTheme", "Dark Theme", "View", 0, MainWindow::darkProperty);
        window("view.zoomIn", "Zoom In", "View", 1, w -> w.zoom(+1), both(KeyCode.EQUALS, SHORTCUT_DOWN),
                both(KeyCode.PLUS, SHORTCUT_DOWN).asAlias(), both(KeyCode.ADD, SHORTCUT_DOWN).asAlias(),
                both(KeyCode.EQUALS, SHORTCUT_DOWN, SHIFT_DOWN).asAlias());
        window("view.zoomOut", "Zoom Out", "View", 1, w -> w.zoom(-1), both(KeyCode.MINUS, SHORTCUT_DOWN),
                both(KeyCode.SUBTRACT, SHORTCUT_DOWN).asAlias());
        window("view.actualSize", "Actual Size", "View", 1, w -> w.zoom(0), both(KeyCode.DIGIT0, SHORTCUT_DOWN),
                both(KeyCode.NUMPAD0, SHORTCUT_DOWN).asAlias());
        toggle("view.outline", "Outline", "View", 2, MainWindow::outlineShownProperty,
                both(KeyCode.O, SHORTCUT_DOWN, SHIFT_DOWN));
        toggle("view.documentation", "Documentation", "View", 2, MainWindow::docsShownProperty,
                both(KeyCode.D, SHORTCUT_DOWN, SHIFT_DOWN));
        window("view.commandPalette", "Command Palette\u2026", "View", 3, MainWindow::showPalette,
                both(KeyCode.P, SHORTCUT_DOWN, SHIFT_DOWN));
    }

    private void helpCommands() {
        window("help.shortcuts", "Keyboard Shortcuts", "Help", 0, w -> ShortcutsSheet.show(w.window(), w.commandTable()),
                both(KeyCode.SLASH, SHORTCUT_DOWN));
        window("help.documentation", "Documentation", "Help", 0, w -> {
            w.docsShownProperty().set(true);
            w.docs().library().home().ifPresent(p -> w.docs().show(p.path()));
        });
        window("help.tour", "Tour Notebook", "Help", 0, MainWindow::openTour);
    }

    /** Keys of the page itself (Jupyter's command mode), in the palette and the sheet but not the menus. */
    private void pageCommands() {
        cells("page.edit", "Edit Cell", null, 0, CellCommands::editSelected, command(KeyCode.ENTER));
        notebook("page.commandMode", "Command Mode", null, 0, (w, tab) -> tab.view().commandMode(),
                Shortcut.of(EDIT, KeyCode.ESCAPE));
        cells("page.selectAbove", "Select Cell Above", null, 0, c -> c.selectNeighbour(-1), command(KeyCode.UP),
                command(KeyCode.K));
        cells("page.selectBelow", "Select Cell Below", null, 0, c -> c.selectNeighbour(+1), command(KeyCode.DOWN),
                command(KeyCode.J));
        cells("page.selectFirst", "Select First Cell", null, 0, c -> c.selectEnd(false), command(KeyCode.HOME));
        cells("page.selectLast", "Select Last Cell", null, 0, c -> c.selectEnd(true), command(KeyCode.END));
        cells("page.scrollDown", "Scroll Down a Page", null, 0, c -> c.scrollPage(+1), command(KeyCode.PAGE_DOWN),
                command(KeyCode.SPACE));
        cells("page.scrollUp", "Scroll Up a Page", null, 0, c -> c.scrollPage(-1), command(KeyCode.PAGE_UP));
    }
}
