package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.CellType;
import dev.pageframe.ui.notebook.CellEditor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Notebooks Pageframe cannot run or fully understand: shown as they are, read-only, with the reason given. */
class ForeignNotebooksTest extends WindowTest {

    private static Path write(String name, String json) throws Exception {
        Path dir = Files.createTempDirectory("foreign");
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void aPythonNotebookOpensReadOnlyWithItsStoredOutputsAndSaysWhy() throws Exception {
        Path file = write("python.ipynb", """
                {"cells": [{"cell_type": "code", "id": "py", "metadata": {}, "source": "print('hi from python')",
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi from python\\n"}],
                  "execution_count": 1}],
                 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        NotebookTab tab = ui.open(file);

        Label banner = ui.fx(() -> (Label) ((javafx.scene.layout.HBox) ui.robot.lookup("#read-only-banner").query())
                .getChildren().getFirst());
        assertEquals("This notebook is written for the Python 3 kernel \"python3\" (language python). Pageframe runs "
                + "only Java cells, so it is open read-only, with the outputs stored in the file.", ui.fx(banner::getText));
        assertNull(ui.fx(tab::trustBannerNode), "no Trust and run for cells that cannot run here");
        assertTrue(ui.outputText(tab, 0).contains("hi from python"), "stored outputs are shown");
        assertEquals("[1]", ui.prompt(tab, 0));

        ui.robot.clickOn("#tool-run-all");
        assertFalse(ui.fx(() -> tab.document().runAll()), "Run All refuses");
        assertEquals(KernelState.NOT_STARTED, ui.fx(() -> tab.document().kernelState()), "no kernel was started");

        CellEditor editor = ui.editor(tab, 0);
        assertFalse(ui.fx(editor::isEditable), "the Python source cannot be edited as if it were Java");
        ui.fxRun(() -> tab.view().commands().insert(true, CellType.CODE));
        assertEquals(1, ui.fx(() -> tab.document().cells().size()), "no cells can be added");
    }

    @Test
    void aNewerFormatsUnknownCellShowsAsAReadOnlyRawBlockNamedByItsType() throws Exception {
        Path file = Files.createTempDirectory("future").resolve("future.ipynb");
        try (InputStream in = ForeignNotebooksTest.class.getResourceAsStream("/corpus/v4.7-future-cell.ipynb")) {
            Files.copy(in, file);
        }
        NotebookTab tab = ui.open(file);
        assertEquals(CellType.UNKNOWN, ui.cell(tab, 1).type());
        assertTrue(ui.textUnder(ui.view(tab, 1)).contains("future cell"), ui.textUnder(ui.view(tab, 1)));
        CellEditor editor = ui.editor(tab, 1);
        assertEquals("something\nnewer", ui.fx(editor::getText));
        assertFalse(ui.fx(editor::isEditable));
        assertTrue(ui.fx(() -> ui.editor(tab, 2).isEditable()), "the known cells stay editable");

        ui.fxRun(() -> ui.editor(tab, 1).requestFocus());
        ui.robot.write("typed");
        assertEquals("something\nnewer", ui.fx(editor::getText));
        byte[] before = Files.readAllBytes(file);
        ui.fx(() -> tab.document().saveTo(file)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(new String(before, java.nio.charset.StandardCharsets.UTF_8), Files.readString(file),
                "saved back byte for byte");
        ui.robot.push(KeyCode.ESCAPE);
    }
}
