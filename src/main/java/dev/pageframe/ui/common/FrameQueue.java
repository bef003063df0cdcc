package dev.pageframe.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.AnimationTimer;

/**
 * UI work that can wait, run one task per frame, only while nothing holds the queue and only in a frame whose
 * {@link FrameBudget} other deferred work has not used up. While a notebook opens its first page holds the
 * queue, so the documentation page and the outline are built in frames of their own after it instead of piling
 * into the frames the reader is waiting for: each frame's styling and layout stays small. Use on the FX thread.
 */
public final class FrameQueue {
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final boolean untouchedFramesOnly;
    private int holds;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // Waits while other deferred work has had this frame (FrameBudget).
            boolean free = untouchedFramesOnly ? FrameBudget.untouched(now) : !FrameBudget.spent(now);
            Runnable next = holds == 0 && free ? tasks.poll() : null;
            if (next != null) {
                next.run();
            }
            if (holds > 0 || tasks.isEmpty()) {
                stop();
            }
        }
    };

    /** A queue whose tasks may share a frame with other deferred work while its budget lasts. */
    public FrameQueue() {
        this(false);
    }

    /**
     * A queue whose tasks, when {@code untouchedFramesOnly}, run only in frames no other deferred work has used
     * ({@link FrameBudget#untouched}): for tasks that may take a whole budget on their own.
     */
    public FrameQueue(boolean untouchedFramesOnly) {
        this.untouchedFramesOnly = untouchedFramesOnly;
    }

    /** Runs {@code task} in a later frame, after the tasks posted before it, once nothing holds the queue. */
    public void post(Runnable task) {
        tasks.add(task);
        if (holds == 0) {
            timer.start();
        }
    }

    /** Keeps posted tasks waiting until as many {@link #release()} calls have been made. */
    public void hold() {
        holds++;
    }

    /** Ends one {@link #hold()}; with none left, the waiting tasks run, one per frame. */
    public void release() {
        if (holds > 0 && --holds == 0 && !tasks.isEmpty()) {
            timer.start();
        }
    }

    /** True while tasks wait to run. */
    public boolean pending() {
        return !tasks.isEmpty();
    }
}
