package dev.pageframe.ui.docs;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a scroll pane so that one node (a heading a link named) sits at the top of its viewport, and keeps
 * it there after each layout pass until something else scrolls the pane: a freshly rendered page, or a pane
 * that has only just appeared, gets its real height a pulse or two later, so a single scroll would land short.
 */
final class PinnedScroll {
    private final ScrollPane scroll;
    private final Runnable afterLayout = this::apply;
    private Node pinned;
    private Scene listeningOn;
    private boolean applying;

    PinnedScroll(ScrollPane scroll) {
        this.scroll = scroll;
        // Any other scrolling (wheel, scroll bar, keys, code) wins over the pin.
        scroll.vvalueProperty().addListener((obs, was, now) -> {
            if (!applying) {
                clear();
            }
        });
        scroll.sceneProperty().addListener((obs, was, now) -> listen(pinned == null ? null : now));
    }

    /** Scrolls {@code node} (inside the pane's content) to the top and keeps it there. */
    void pin(Node node) {
        pinned = node;
        listen(scroll.getScene());
        apply();
        Platform.requestNextPulse();
    }

    /** Lets the pane scroll freely again. */
    void clear() {
        pinned = null;
        listen(null);
    }

    /** The node kept at the top, or null. */
    Node pinned() {
        return pinned;
    }

    private void listen(Scene scene) {
        if (listeningOn == scene) {
            return;
        }
        if (listeningOn != null) {
            listeningOn.removePostLayoutPulseListener(afterLayout);
        }
        listeningOn = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
        }
    }

    private void apply() {
        Node content = scroll.getContent();
        if (pinned == null || content == null || pinned.getScene() == null) {
            return;
        }
        double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        Point2D at = content.sceneToLocal(pinned.localToScene(0, 0));
        double v = extra <= 0 || at == null ? 0 : Math.max(0, Math.min(1, at.getY() / extra));
        double value = scroll.getVmin() + v * (scroll.getVmax() - scroll.getVmin());
        if (Math.abs(scroll.getVvalue() - value) > 1e-9) {
            applying = true;
            try {
                scroll.setVvalue(value);
            } finally {
                applying = false;
            }
        }
    }
}
