package dev.pageframe.ui.app;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LookCoverTest {
    private final Region body = new Region();
    private final AtomicBoolean settled = new AtomicBoolean();
    private final LookCover cover = new LookCover(body, settled::get);
    private final AtomicLong frame = new AtomicLong();
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame.incrementAndGet();
        }
    };

    @Start
    void start(Stage stage) {
        body.setStyle("-fx-background-color: #2060c0;");
        StackPane root = new StackPane(body, cover.node());
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
        counter.start();
    }

    @Test
    void theChangeComesAFrameAfterThePictureAndThePictureGoesOnceSettled() throws Exception {
        AtomicLong coveredAt = new AtomicLong();
        AtomicLong changedAt = new AtomicLong(-1);
        assertTrue(fx(() -> {
            coveredAt.set(frame.get());
            return cover.cover(() -> changedAt.set(frame.get()));
        }));
        ImageView picture = (ImageView) cover.node();
        assertTrue(fx(cover::showing));
        assertEquals(300, fx(() -> picture.getImage().getWidth()), 0.5, "a picture of the whole body");
        assertEquals(body.getWidth(), fx(picture::getFitWidth), 0.5);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> changedAt.get() >= 0);
        assertTrue(changedAt.get() - coveredAt.get() >= 2, "a whole frame shows the picture before the change: covered in "
                + coveredAt.get() + ", changed in " + changedAt.get());
        assertTrue(fx(cover::showing), "kept until what it hides is settled");

        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertEquals(null, fx(picture::getImage), "the picture is let go");
    }

    @Test
    void aSecondChangeBeforeTheFirstRunsReplacesItAndKeepsTheFirstPicture() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        fxRun(() -> {
            cover.cover(first::incrementAndGet);
            // What the reader saw is the first picture; a picture of the covered body would show the cover.
            var taken = ((ImageView) cover.node()).getImage();
            body.setStyle("-fx-background-color: #c02020;");
            cover.cover(second::incrementAndGet);
            assertTrue(taken == ((ImageView) cover.node()).getImage());
        });
        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertEquals(0, first.get());
        assertEquals(1, second.get());
    }

    @Test
    void thePictureGoesAfterASecondEvenIfWhatItHidesNeverSettles() throws Exception {
        AtomicLong changedAt = new AtomicLong(-1);
        fxRun(() -> cover.cover(() -> changedAt.set(frame.get())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertFalse(settled.get());
        assertTrue(frame.get() - changedAt.get() >= LookCover.MAX_FRAMES, "waited its frames first");
    }

    @Test
    void theWarmedImageIsTheOneThePictureIsDrawnIntoAndItIsReused() throws Exception {
        var prepared = fx(cover::warm);
        assertEquals(300, prepared.getWidth(), 0.5);
        fxRun(() -> cover.cover(() -> { }));
        assertTrue(prepared == fx(((ImageView) cover.node())::getImage), "drawn into the image made beforehand");
        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        fxRun(() -> cover.cover(() -> { }));
        assertTrue(prepared == fx(((ImageView) cover.node())::getImage), "and again for the next change");
    }

    @Test
    void nothingIsCoveredOrRunWhenTheBodyIsNotOnScreen() throws Exception {
        Region detached = new Region();
        LookCover offScreen = new LookCover(detached, () -> true);
        AtomicInteger ran = new AtomicInteger();
        assertFalse(fx(() -> offScreen.cover(ran::incrementAndGet)));
        fxRun(() -> new Pane(detached).resize(100, 100));
        assertFalse(fx(() -> offScreen.cover(ran::incrementAndGet)), "in a pane, but in no window");
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(0, ran.get());
        assertFalse(fx(offScreen::showing));
    }
}
