package dev.pageframe.ui.common;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FrameQueueTest {
    /** Frame number at which each task ran, counted by a timer of our own. */
    private final List<String> ran = new ArrayList<>();
    private long frame;
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame++;
        }
    };

    @Start
    void start(Stage stage) {
        counter.start();
    }

    private void waitUntilRan(int n) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ran.size() >= n));
    }

    @Test
    void postedTasksRunInOrderOnePerFrame() throws Exception {
        FrameQueue queue = new FrameQueue();
        long[] frames = new long[3];
        fxRun(() -> {
            for (int i = 0; i < 3; i++) {
                int k = i;
                queue.post(() -> {
                    frames[k] = frame;
                    ran.add("task " + k);
                });
            }
        });
        waitUntilRan(3);
        assertEquals(List.of("task 0", "task 1", "task 2"), fx(() -> List.copyOf(ran)));
        assertTrue(frames[0] < frames[1] && frames[1] < frames[2], "each task had a frame of its own: " + frames[0]
                + ", " + frames[1] + ", " + frames[2]);
        assertFalse(fx(queue::pending));
    }

    @Test
    void heldTasksWaitUntilEveryHoldIsReleased() throws Exception {
        FrameQueue queue = new FrameQueue();
        fxRun(() -> {
            queue.hold();
            queue.hold();
            queue.post(() -> ran.add("docs page"));
        });
        // Let several frames pass while held.
        long until = fx(() -> frame) + 5;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> frame >= until));
        assertTrue(fx(ran::isEmpty), "nothing runs while the first notebook page is still coming");
        assertTrue(fx(queue::pending));

        fxRun(queue::release);
        long until2 = fx(() -> frame) + 5;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> frame >= until2));
        assertTrue(fx(ran::isEmpty), "one hold is still on");

        fxRun(queue::release);
        waitUntilRan(1);
        assertEquals(List.of("docs page"), fx(() -> List.copyOf(ran)));
    }

    @Test
    void aTaskWaitsWhileOtherDeferredWorkHasUsedUpTheFrame() throws Exception {
        FrameQueue queue = new FrameQueue();
        // Started before the queue's own timer, so it runs first in each frame, as a card builder would.
        FrameHog hog = new FrameHog();
        fxRun(() -> {
            hog.start();
            queue.post(() -> ran.add("outline"));
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> hog.frames() >= 5));
            assertTrue(fx(ran::isEmpty), "no task runs in a frame whose budget is spent");
            assertTrue(fx(queue::pending));

            fxRun(hog::release);
            waitUntilRan(1);
            assertEquals(List.of("outline"), fx(() -> List.copyOf(ran)));
        } finally {
            fxRun(hog::stop);
        }
    }

    @Test
    void anUntouchedFramesQueueWaitsWhileOtherWorkTakesAnyOfTheFrame() throws Exception {
        FrameQueue untouched = new FrameQueue(true);
        FrameQueue shared = new FrameQueue();
        // A card built in each frame: well inside the budget, so the shared queue still runs, but the frame is used.
        FrameHog cards = new FrameHog(2 * FrameBudget.UNTOUCHED_NANOS);
        fxRun(() -> {
            cards.start();
            untouched.post(() -> ran.add("outline"));
            shared.post(() -> ran.add("edit"));
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> cards.frames() >= 5));
            assertEquals(List.of("edit"), fx(() -> List.copyOf(ran)), "only the shared queue's task ran");
            assertTrue(fx(untouched::pending));

            fxRun(cards::release);
            waitUntilRan(2);
            assertEquals(List.of("edit", "outline"), fx(() -> List.copyOf(ran)));
        } finally {
            fxRun(cards::stop);
        }
    }
}
