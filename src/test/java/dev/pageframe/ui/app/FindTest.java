package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Find (Ctrl+F) and find/replace (Ctrl+H) across every cell of a notebook. */
class FindTest extends WindowTest {
    private static final List<Cell> CELLS = List.of(
            Cell.markdown("# Buddy allocator\n\nThe buddy system merges buddies."),
            Cell.code("long buddy = 1;\nint Buddy2 = 2;"),
            Cell.code("int x = 3;"));

    /** The options stay as the user left them, as in other editors: each test starts from none. */
    @BeforeEach
    void noOptions() {
        ui.fxRun(() -> {
            ui.window.findBar().matchCaseButton().setSelected(false);
            ui.window.findBar().wholeWordButton().setSelected(false);
            ui.window.findBar().regexButton().setSelected(false);
            ui.window.findBar().replaceField().clear();
        });
    }

    @Test
    void ctrlFInCommandModeOpensFindAndTypedLettersGoToItNotToTheCells() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("find.ipynb", CELLS));
        commandMode(tab);
        ui.robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        ui.waitUntil("find opens with the caret in its field", () -> ui.window.findBar().findField().isFocused());

        // b, d, d, a, y are all command-mode keys: here they must only be typed.
        ui.robot.write("buddy");
        assertEquals("buddy", ui.fx(() -> ui.window.findBar().findField().getText()));
        assertEquals(3, ui.fx(() -> tab.document().cells().size()), "no cell was inserted or deleted");
        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()), "Buddy, buddy, buddy, Buddy2");

        ui.waitUntil("the code editor marks both matches", () -> tab.view().findMarksShown(tab.document().cells().get(1)) == 2);
        ui.waitUntil("the rendered Markdown marks its two", () -> tab.view().findMarksShown(tab.document().cells().get(0)) == 2);

        ui.robot.push(KeyCode.ENTER);
        assertEquals("2 of 4", ui.fx(() -> ui.window.findBar().countText()));
        ui.robot.push(KeyCode.ENTER).push(KeyCode.ENTER);
        assertEquals("4 of 4", ui.fx(() -> ui.window.findBar().countText()));
        assertEquals(ui.cell(tab, 1), ui.fx(() -> tab.view().selected()), "the cell of the current match is selected");
        ui.robot.push(KeyCode.ENTER);
        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()), "next goes round");
        ui.robot.push(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHIFT_DOWN));
        assertEquals("4 of 4", ui.fx(() -> ui.window.findBar().countText()), "Shift+Enter goes back");
        // F3 and Shift+F3 do the same while the find bar has the focus, as the guide and the Edit menu say.
        ui.robot.push(KeyCode.F3);
        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()), "F3 goes on");
        ui.robot.push(KeyCode.F3);
        assertEquals("2 of 4", ui.fx(() -> ui.window.findBar().countText()));
        ui.robot.push(new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN));
        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()), "Shift+F3 goes back");

        ui.robot.push(KeyCode.ESCAPE);
        ui.waitUntil("Esc closes find and gives the page the focus",
                () -> !ui.window.findBar().isVisible() && ui.window.getScene().getFocusOwner() == tab.view());
        assertEquals(0, ui.fx(() -> tab.view().findMarksShown(tab.document().cells().get(1))), "the marks go");
        assertEquals(0, ui.fx(() -> tab.view().findMarksShown(tab.document().cells().get(0))));
    }

    @Test
    void caseWholeWordAndRegexNarrowTheMatches() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("options.ipynb", CELLS));
        ui.clickIntoEditor(tab, 2);
        ui.robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        ui.waitUntil("find opens from edit mode too", () -> ui.window.findBar().findField().isFocused());
        ui.robot.write("buddy");
        assertEquals("int x = 3;", ui.fx(() -> ui.cell(tab, 2).source()), "nothing was typed into the editor");

        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()), "Buddy, buddy, buddy, Buddy2");
        ui.fxRun(() -> ui.window.findBar().matchCaseButton().setSelected(true));
        assertEquals("1 of 2", ui.fx(() -> ui.window.findBar().countText()), "buddy, buddy");
        ui.fxRun(() -> {
            ui.window.findBar().matchCaseButton().setSelected(false);
            ui.window.findBar().wholeWordButton().setSelected(true);
        });
        assertEquals("1 of 3", ui.fx(() -> ui.window.findBar().countText()), "Buddy, buddy, buddy: not Buddy2");

        ui.fxRun(() -> {
            ui.window.findBar().matchCaseButton().setSelected(false);
            ui.window.findBar().wholeWordButton().setSelected(false);
            ui.window.findBar().regexButton().setSelected(true);
            ui.window.findBar().findField().setText("b.ddy\\b");
        });
        assertEquals("1 of 3", ui.fx(() -> ui.window.findBar().countText()), "Buddy, buddy, buddy (not Buddy2)");
        ui.fxRun(() -> ui.window.findBar().findField().setText("(unclosed"));
        assertTrue(ui.fx(() -> ui.window.findBar().countText()).startsWith("Not a valid regular expression"));
        ui.fxRun(() -> ui.window.findBar().findField().setText("nothing here"));
        assertEquals("No matches", ui.fx(() -> ui.window.findBar().countText()));
    }

    @Test
    void ctrlHReplacesOneMatchThenAll() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("replace.ipynb", CELLS));
        commandMode(tab);
        ui.robot.push(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        ui.waitUntil("find and replace opens", () -> ui.window.findBar().replaceField().isVisible()
                && ui.window.findBar().findField().isFocused());
        ui.fxRun(() -> {
            ui.window.findBar().matchCaseButton().setSelected(true);
            ui.window.findBar().wholeWordButton().setSelected(true);
        });
        ui.robot.write("buddy");
        assertEquals("1 of 2", ui.fx(() -> ui.window.findBar().countText()));
        ui.robot.clickOn("#replace-field").write("pal");
        ui.robot.push(KeyCode.ENTER);
        assertEquals("# Buddy allocator\n\nThe pal system merges buddies.", ui.fx(() -> ui.cell(tab, 0).source()),
                "Enter in the replace field replaces the current match only");
        assertEquals("1 of 1", ui.fx(() -> ui.window.findBar().countText()));
        ui.robot.clickOn("#replace-all");
        assertEquals("long pal = 1;\nint Buddy2 = 2;", ui.fx(() -> ui.cell(tab, 1).source()));
        assertEquals("No matches", ui.fx(() -> ui.window.findBar().countText()));
        assertTrue(ui.fx(() -> tab.document().isDirty()));
        assertFalse(ui.fx(() -> ui.cell(tab, 0).source()).contains(" buddy "));

        // Z in command mode takes the Replace All back as one operation, then the single replace before it.
        ui.robot.push(KeyCode.ESCAPE);
        commandMode(tab);
        ui.robot.push(KeyCode.Z);
        assertEquals("long buddy = 1;\nint Buddy2 = 2;", ui.fx(() -> ui.cell(tab, 1).source()), "Replace All undone");
        assertEquals("# Buddy allocator\n\nThe pal system merges buddies.", ui.fx(() -> ui.cell(tab, 0).source()));
        ui.robot.push(KeyCode.Z);
        assertEquals(CELLS.get(0).source(), ui.fx(() -> ui.cell(tab, 0).source()), "and then the single replace");
    }

    @Test
    void editingACellWhileFindIsOpenRecountsAndMarksWhatWasTyped() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("edit-while-finding.ipynb", CELLS));
        commandMode(tab);
        ui.robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        ui.waitUntil("find opens", () -> ui.window.findBar().findField().isFocused());
        ui.robot.write("buddy");
        assertEquals("1 of 4", ui.fx(() -> ui.window.findBar().countText()));
        assertEquals(0, ui.fx(() -> tab.view().findMarksShown(ui.cell(tab, 2))));

        ui.clickIntoEditor(tab, 2);
        ui.robot.push(KeyCode.END).write(" // buddy");
        ui.waitUntil("the typed match is counted", () -> "1 of 5".equals(ui.window.findBar().countText()));
        ui.waitUntil("and marked in the cell it was typed into", () -> tab.view().findMarksShown(ui.cell(tab, 2)) == 1);
        assertTrue(ui.fx(() -> ui.window.findBar().isVisible()), "find stays open while the user edits");

        ui.robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN)).write("int x = 4;");
        ui.waitUntil("a match edited away is no longer counted", () -> "1 of 4".equals(ui.window.findBar().countText()));
        ui.waitUntil("nor marked", () -> tab.view().findMarksShown(ui.cell(tab, 2)) == 0);

        ui.fxRun(() -> ui.window.findBar().close());
        ui.clickIntoEditor(tab, 2);
        ui.robot.push(KeyCode.END).write(" buddy");
        ui.waitUntil("the edit reaches the cell", () -> ui.cell(tab, 2).source().endsWith(" buddy"));
        // A recount would be queued on the FX thread before this read, which runs after it.
        assertEquals(0, ui.fx(() -> tab.view().findMarksShown(ui.cell(tab, 2))), "with find closed, nothing is marked");
        assertEquals("", ui.fx(() -> ui.window.findBar().countText()));
    }

    @Test
    void codeCellMarksAreFindsColoursNotTheSelectionBlueAndTheCurrentOneStandsOut() throws Exception {
        NotebookTab tab = ui.open(ui.writeTrustedNotebook("colours.ipynb", CELLS));
        commandMode(tab);
        ui.robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        ui.waitUntil("find opens", () -> ui.window.findBar().findField().isFocused());
        ui.robot.write("buddy").push(KeyCode.ENTER).push(KeyCode.ENTER);
        assertEquals("3 of 4", ui.fx(() -> ui.window.findBar().countText()), "the current match is the code cell's first");
        ui.waitUntil("the code cell marks both", () -> tab.view().findMarksShown(ui.cell(tab, 1)) == 2);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        java.util.function.Function<String, List<javafx.scene.paint.Paint>> fills = style -> ui.fx(() ->
                tab.view().lookupAll("." + style).stream().filter(n -> n instanceof org.fxmisc.richtext.SelectionPath)
                        .map(n -> ((org.fxmisc.richtext.SelectionPath) n).getHighlightFill()).toList());
        List<javafx.scene.paint.Paint> current = fills.apply("find-current");
        List<javafx.scene.paint.Paint> other = fills.apply("find-match");
        assertEquals(1, current.size(), current.toString());
        assertEquals(1, other.size(), other.toString());
        // Unstyled, a RichTextFX selection is blue (dodger blue): Find's marks are amber, as in rendered Markdown.
        for (javafx.scene.paint.Paint fill : List.of(current.getFirst(), other.getFirst())) {
            javafx.scene.paint.Color c = (javafx.scene.paint.Color) fill;
            assertTrue(c.getRed() > c.getBlue() && c.getGreen() > c.getBlue(), "an amber mark, not a selection's blue: " + c);
        }
        assertFalse(current.getFirst().equals(other.getFirst()), "the current match stands out from the others");
    }

    private static void commandMode(NotebookTab tab) {
        ui.fxRun(() -> tab.view().requestFocus());
        ui.waitUntil("command mode", () -> ui.window.getScene().getFocusOwner() == tab.view());
    }
}
