package dev.pageframe.ui.common;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PanelsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    @Test
    void aFramedPanelGetsTheThemesSubtleFillInARoundedBorderAndAPlainOneDoesNot() {
        HBox framed = new HBox(new Label("framed"));
        HBox plain = new HBox(new Label("plain"));
        FxTest.show(stage, () -> {
            Panels.frame(framed);
            return new VBox(framed, plain);
        }, 400, 160);
        assertNotNull(fx(framed::getBackground), "the theme's -color-bg-subtle resolved to a fill");
        assertEquals(6, fx(() -> framed.getBackground().getFills().getFirst().getRadii().getTopLeftHorizontalRadius()));
        assertTrue(fx(() -> framed.getBorder() != null && !framed.getBorder().getStrokes().isEmpty()), "a border");
        assertTrue(fx(() -> framed.getPadding().getLeft() > framed.getPadding().getTop()), "padded wider than tall");
        assertNull(fx(plain::getBackground));
        assertEquals(Insets.EMPTY, fx(plain::getPadding));
    }
}
