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
import javafx.application.Platform;
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
    void preparingAndTheChangeEachGetAFrameAfterThePictureAndThePictureGoesOnceSettled() throws Exception {
        AtomicLong coveredAt = new AtomicLong();
        AtomicLong preparedAt = new AtomicLong(-1);
        AtomicLong changedAt = new AtomicLong(-1);
        assertTrue(fx(() -> {
            coveredAt.set(frame.get());
            return cover.cover(() -> preparedAt.set(frame.get()), () -> changedAt.set(frame.get()));
        }));
        ImageView picture = (ImageView) cover.node();
        assertTrue(fx(cover::showing));
        assertEquals(300, fx(() -> picture.getImage().getWidth()), 0.5, "a picture of the whole body");
        assertEquals(body.getWidth(), fx(picture::getFitWidth), 0.5);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> changedAt.get() >= 0);
        assertTrue(preparedAt.get() - coveredAt.get() >= 2, "a whole frame shows the picture before anything leaves: "
                + "covered in " + coveredAt.get() + ", prepared in " + preparedAt.get());
        assertTrue(changedAt.get() - preparedAt.get() >= 1, "the change has a frame of its own: prepared in "
                + preparedAt.get() + ", changed in " + changedAt.get());
        assertTrue(fx(cover::showing), "kept until what it hides is settled");

        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertEquals(null, fx(picture::getImage), "the picture is let go");
    }

    @Test
    void aSecondChangeBeforeTheFirstRunsReplacesItAndKeepsTheFirstPicture() throws Exception {
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        fxRun(() -> {
            cover.cover(prepared::incrementAndGet, first::incrementAndGet);
            // What the reader saw is the first picture; a picture of the covered body would show the cover.
            var taken = ((ImageView) cover.node()).getImage();
            body.setStyle("-fx-background-color: #c02020;");
            cover.cover(prepared::incrementAndGet, second::incrementAndGet);
            assertTrue(taken == ((ImageView) cover.node()).getImage());
        });
        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertEquals(1, prepared.get(), "prepared once");
        assertEquals(0, first.get());
        assertEquals(1, second.get());
    }

    @Test
    void aSecondChangeAfterThePreparationButBeforeTheChangeIsNotPreparedAgain() throws Exception {
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        AtomicLong changedAt = new AtomicLong(-1);
        AtomicLong preparedAt = new AtomicLong(-1);
        fxRun(() -> cover.cover(() -> {
            prepared.incrementAndGet();
            preparedAt.set(frame.get());
            // The reader asks again between the preparing frame and the change's frame.
            Platform.runLater(() -> cover.cover(prepared::incrementAndGet, () -> {
                second.incrementAndGet();
                changedAt.set(frame.get());
            }));
        }, first::incrementAndGet));
        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertEquals(1, prepared.get(), "what left the scene for the first change is still out: not prepared again");
        assertEquals(0, first.get());
        assertEquals(1, second.get());
        assertTrue(changedAt.get() > preparedAt.get());
    }

    @Test
    void thePictureGoesAfterASecondEvenIfWhatItHidesNeverSettles() throws Exception {
        AtomicLong changedAt = new AtomicLong(-1);
        fxRun(() -> cover.cover(() -> { }, () -> changedAt.set(frame.get())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        assertFalse(settled.get());
        assertTrue(frame.get() - changedAt.get() >= LookCover.MAX_FRAMES, "waited its frames first");
    }

    @Test
    void theWarmedImageIsTheOneThePictureIsDrawnIntoAndItIsReused() throws Exception {
        var prepared = fx(cover::warm);
        assertEquals(300, prepared.getWidth(), 0.5);
        fxRun(() -> cover.cover(() -> { }, () -> { }));
        assertTrue(prepared == fx(((ImageView) cover.node())::getImage), "drawn into the image made beforehand");
        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cover.showing()));
        fxRun(() -> cover.cover(() -> { }, () -> { }));
        assertTrue(prepared == fx(((ImageView) cover.node())::getImage), "and again for the next change");
    }

    @Test
    void nothingIsCoveredOrRunWhenTheBodyIsNotOnScreen() throws Exception {
        Region detached = new Region();
        LookCover offScreen = new LookCover(detached, () -> true);
        AtomicInteger ran = new AtomicInteger();
        assertFalse(fx(() -> offScreen.cover(ran::incrementAndGet, ran::incrementAndGet)));
        fxRun(() -> new Pane(detached).resize(100, 100));
        assertFalse(fx(() -> offScreen.cover(ran::incrementAndGet, ran::incrementAndGet)), "in a pane, but in no window");
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(0, ran.get());
        assertFalse(fx(offScreen::showing));
    }
}
