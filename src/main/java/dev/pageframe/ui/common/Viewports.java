package dev.pageframe.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Turns off the bitmap cache JavaFX's scroll pane skin puts on its viewport. */
public final class Viewports {
    /** When true, viewports keep JavaFX's cache: to measure the app against it (BENCHMARKS.md). */
    public static final String KEEP_CACHE_PROPERTY = "pageframe.viewportCache";

    private Viewports() {}

    /**
     * The default skin caches the viewport as a bitmap. Any change inside it (a card built while scrolling, a
     * running cell's timer, a docs page filling in) then redraws the whole viewport into the cache and the cache to
     * the screen, instead of only the changed region: profiled with the software pipeline, that was two thirds of
     * the render thread's time while a notebook opened, and the FX thread waited on it (BENCHMARKS.md).
     */
    public static void uncache(ScrollPane pane) {
        if (Boolean.getBoolean(KEEP_CACHE_PROPERTY)) {
            return;
        }
        pane.skinProperty().addListener((obs, was, now) -> uncacheViewport(pane));
        uncacheViewport(pane);
    }

    private static void uncacheViewport(ScrollPane pane) {
        Node viewport = of(pane);
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    /** The region the scroll pane's skin shows the content in, or null before the pane has a skin. */
    public static Node of(ScrollPane pane) {
        if (pane.getSkin() == null) {
            return null;
        }
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                return child;
            }
        }
        return null;
    }
}
