package dev.pageframe.ui.common;

/**
 * The share of one frame that the window's deferred work may take together: building cards, filling the
 * documentation page and {@link FrameQueue} tasks each run from their own animation timer, and with a budget of
 * their own each they used to pile up in the same frame (30-40 ms of timers, then that frame's styling and
 * layout). Every timer gets the same frame start, so measuring from it gives them one budget: the first to run
 * in a frame uses it and the others wait for the next.
 */
public final class FrameBudget {
    /** Deferred work per frame, leaving the rest of a 16 ms frame to styling, layout and input. */
    public static final long NANOS = 6_000_000L;
    /** Up to this much of a frame may have gone by and it still counts as untouched by other deferred work. */
    public static final long UNTOUCHED_NANOS = 1_000_000L;

    private FrameBudget() {}

    /** The time by which work in the frame that started at {@code frameStart} (an animation timer's now) should stop. */
    public static long deadline(long frameStart) {
        return frameStart + NANOS;
    }

    /**
     * True while no other deferred work has run in the frame that started at {@code frameStart}: for work that
     * should only have frames nothing else wanted (the documentation page, beside a notebook whose cards come
     * first). Sharing a frame with a card, one dear docs step had made frames of 50 ms.
     */
    public static boolean untouched(long frameStart) {
        return System.nanoTime() - frameStart < UNTOUCHED_NANOS;
    }

    /** True once the frame that started at {@code frameStart} has used its budget. */
    public static boolean spent(long frameStart) {
        return System.nanoTime() > deadline(frameStart);
    }
}
