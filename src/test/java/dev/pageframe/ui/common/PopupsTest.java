package dev.pageframe.ui.common;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PopupsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    @Test
    void aTooltipIsMadeWhenTheMouseFirstEntersAndScreenReadersHaveItsTextBefore(FxRobot robot) throws Exception {
        Button run = new Button("Run");
        javafx.scene.shape.Rectangle badge = new javafx.scene.shape.Rectangle(30, 20);
        FxTest.show(stage, () -> {
            Popups.tooltip(run, "Run this cell (Ctrl+Enter)");
            Popups.tooltip(badge, "These outputs may not match the code any more");
            return new HBox(40, run, badge);
        }, 400, 120);
        assertNull(fx(run::getTooltip), "no popup window is made for a button nobody has pointed at");
        assertEquals("Run this cell (Ctrl+Enter)", fx(run::getAccessibleHelp));

        robot.moveTo(run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> run.getTooltip() != null));
        assertEquals("Run this cell (Ctrl+Enter)", fx(() -> run.getTooltip().getText()));
        Tooltip first = fx(run::getTooltip);
        robot.moveTo(badge);
        robot.moveTo(run);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(first, fx(run::getTooltip), "made once");
        robot.moveTo(badge);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> badge.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip));
    }

    @Test
    void aContextMenuIsMadeOnTheFirstRightClickAndReused(FxRobot robot) throws Exception {
        AtomicInteger made = new AtomicInteger();
        Label output = new Label("0xffff888000010000");
        FxTest.show(stage, () -> {
            Popups.contextMenu(output, () -> {
                made.incrementAndGet();
                return new ContextMenu(new MenuItem("Copy output"));
            });
            return output;
        }, 400, 120);
        assertEquals(0, made.get());

        requestContextMenu(output);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof ContextMenu && w.isShowing())));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        requestContextMenu(output);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof ContextMenu && w.isShowing())));
        assertEquals(1, made.get());
        fx(() -> {
            java.util.List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu)
                    .forEach(w -> ((ContextMenu) w).hide());
            return null;
        });
    }

    /** What a right-click or the menu key asks of the node (Monocle's robot does not turn clicks into it). */
    private static void requestContextMenu(javafx.scene.Node node) {
        fx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    5, 5, b.getMinX() + 5, b.getMinY() + 5, false, null));
            return null;
        });
    }
}
