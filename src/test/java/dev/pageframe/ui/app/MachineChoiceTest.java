package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.ui.UiFixture;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** Run › Change Machine: a writer picks the profile and memory of a notebook's machine in the app. */
class MachineChoiceTest extends WindowTest {
    @Test
    void aWriterChangesTheMachineAndTheNextRunBootsIt() throws Exception {
        Path file = ui.writeTrustedNotebook("era.ipynb", List.of(Cell.code("System.out.println(nr_free_pages() < 4096);")));
        NotebookTab tab = ui.open(file);
        CellModel cell = ui.cell(tab, 0);
        ui.fxRun(() -> tab.document().run(List.of(cell)));
        ui.waitUntil("it ran on the 1 GiB machine", UiFixture.KERNEL_SECONDS,
                () -> cell.runState() == RunState.IDLE && ui.outputText(tab, 0).contains("false"));

        ui.fxLater(() -> ui.window.runCommand(ui.window.commandTable().find("kernel.machine").orElseThrow()));
        ui.waitUntil("the machine dialog is up", () -> ui.robot.lookup("#machine-dialog").tryQuery().isPresent());
        DialogPane pane = (DialogPane) ui.robot.lookup("#machine-dialog").query();
        Button change = ui.fx(() -> (Button) pane.lookupButton(pane.getButtonTypes().getFirst()));
        @SuppressWarnings("unchecked")
        ComboBox<dev.pageframe.engine.MachineProfile> profile =
                (ComboBox<dev.pageframe.engine.MachineProfile>) ui.robot.lookup("#machine-profile").query();
        TextField memory = (TextField) ui.robot.lookup("#machine-memory").queryAs(TextField.class);
        Label problem = (Label) ui.robot.lookup("#machine-problem").query();

        ui.fxRun(() -> profile.setValue(dev.pageframe.engine.MachineProfiles.byName("i386-linux-2.0")));
        ui.fxRun(() -> memory.setText("2G"));
        assertTrue(ui.fx(problem::getText).contains("2M to 960M"), "said as its boot says it: " + ui.fx(problem::getText));
        assertTrue(ui.fx(change::isDisabled), "a machine that cannot boot cannot be chosen");
        ui.fxRun(() -> memory.setText("16M"));
        assertEquals("", ui.fx(problem::getText));
        ui.robot.clickOn(change);
        ui.waitUntil("the dialog closed", () -> ui.robot.lookup("#machine-dialog").tryQuery().isEmpty());

        assertEquals(MachineSpec.of("i386-linux-2.0", "16M"), ui.fx(() -> tab.document().machine()));
        assertEquals("i386-linux-2.0 \u00b7 16 MiB", ui.fx(() -> ((Label) ui.robot.lookup("#status-machine").query()).getText()));
        assertEquals(KernelState.NOT_STARTED, ui.fx(() -> tab.document().kernelState()), "the old kernel is let go");
        assertTrue(ui.fx(() -> tab.document().isDirty()), "the file will say so once saved");

        ui.fxRun(() -> tab.document().run(List.of(cell)));
        ui.waitUntil("the next run boots the 16 MiB machine", UiFixture.KERNEL_SECONDS,
                () -> cell.runState() == RunState.IDLE && ui.outputText(tab, 0).contains("true"));
        ui.fxRun(() -> ui.window.save(tab));
        ui.waitUntil("saved", () -> !tab.document().isDirty());
        assertEquals(MachineSpec.of("i386-linux-2.0", "16M"), new NotebookFiles().load(file).notebook().machine());
    }

    @Test
    void theDialogSaysWhatAProfileCannotBoot() {
        var x86 = dev.pageframe.engine.MachineProfiles.byName("x86_64");
        assertTrue(MachineDialog.refusal(x86, "1G").isEmpty());
        assertTrue(MachineDialog.refusal(x86, "2T").orElseThrow().contains("not 2T"), MachineDialog.refusal(x86, "2T").toString());
        assertTrue(MachineDialog.refusal(x86, "lots").orElseThrow().startsWith("Not a size"));
        assertTrue(MachineDialog.refusal(null, "1G").isPresent());
    }
}
