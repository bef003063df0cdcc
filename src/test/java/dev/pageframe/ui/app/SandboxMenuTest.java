package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** Run ▸ Sandbox Cells: on at first; turning it off changes the setting and warns in the status bar. */
class SandboxMenuTest extends WindowTest {
    private static CheckMenuItem sandboxItem() {
        MenuBar bar = (MenuBar) ((VBox) ui.window.getTop()).getChildren().getFirst();
        Menu run = bar.getMenus().stream().filter(m -> m.getText().equals("_Run")).findFirst().orElseThrow();
        for (MenuItem item : run.getItems()) {
            if (item instanceof CheckMenuItem check && "Sandbox Cells".equals(check.getText())) {
                return check;
            }
        }
        throw new AssertionError("no Run > Sandbox Cells");
    }

    @Test
    void turningTheSandboxOffWarnsAndTurnsTheSettingOff() {
        CheckMenuItem item = sandboxItem();
        assertTrue(item.isSelected(), "on by default");
        try {
            // What a click on the item does (the menu skin toggles it, then fires it).
            ui.robot.interact(() -> { item.setSelected(false); item.fire(); });
            assertFalse(ui.window.sandbox().enabledProperty().get());
            Label message = ui.robot.lookup(".status-message").queryAs(Label.class);
            assertEquals(CellSandbox.OFF_WARNING, message.getText());
        } finally {
            ui.robot.interact(() -> item.setSelected(true));
        }
        assertTrue(ui.window.sandbox().enabledProperty().get());
    }
}
