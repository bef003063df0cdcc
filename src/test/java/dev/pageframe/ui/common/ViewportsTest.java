package dev.pageframe.ui.common;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ViewportsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    @Test
    void theSkinCachesAViewportAndUncacheTurnsItOffEvenForANewSkin() {
        ScrollPane plain = new ScrollPane(new Label("plain"));
        ScrollPane uncached = new ScrollPane(new Label("uncached"));
        FxTest.show(stage, () -> {
            Viewports.uncache(uncached);
            return new HBox(plain, uncached);
        }, 400, 200);
        // What the call works against: JavaFX's own skin caches the viewport.
        assertTrue(fx(() -> Viewports.of(plain).isCache()), "the default skin caches its viewport");
        assertFalse(fx(() -> Viewports.of(uncached).isCache()));

        fx(() -> {
            uncached.setSkin(new ScrollPaneSkin(uncached));
            return null;
        });
        assertFalse(fx(() -> Viewports.of(uncached).isCache()), "a skin set later is uncached too");
    }
}
