package dev.pageframe.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Deferred work stood in for by a test: started before the timers under test, it runs first in each frame
 * and, until {@link #release()}, spends the frame's whole {@link FrameBudget} (or the given part of it), as
 * building cards would. Use on the FX thread.
 */
public final class FrameHog extends AnimationTimer {
    private final long spend;
    private boolean hogging = true;
    private int frames;

    /** Spends each frame's whole budget. */
    public FrameHog() {
        this(FrameBudget.NANOS);
    }

    /** Spends {@code nanos} of each frame, measured from its start. */
    public FrameHog(long nanos) {
        this.spend = nanos;
    }

    @Override
    public void handle(long now) {
        if (hogging) {
            while (System.nanoTime() - now < spend) {
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
