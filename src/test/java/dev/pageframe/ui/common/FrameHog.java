package dev.pageframe.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Deferred work stood in for by a test: started before the timers under test, it runs first in each frame
 * and, until {@link #release()}, spends the frame's whole {@link FrameBudget}, as building cards would.
 * Use on the FX thread.
 */
public final class FrameHog extends AnimationTimer {
    private boolean hogging = true;
    private int frames;

    @Override
    public void handle(long now) {
        if (hogging) {
            while (!FrameBudget.spent(now)) {
                Thread.onSpinWait();
            }
            frames++;
        }
    }

    /** Frames whose budget it has spent. */
    public int frames() {
        return frames;
    }

    /** Leaves the following frames' budgets to the others. */
    public void release() {
        hogging = false;
    }
}
