package dev.pageframe.ui.outputs;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A placeholder that builds its real content the first time it is on screen (or within a screen
 * of it), so a notebook with a dozen frame maps and charts opens at once and builds only what the
 * reader scrolls to. Until then it reserves an estimated height so the scroll bar stays honest.
 */
public final class Lazy extends StackPane {

    /** Content this far outside the visible area is built already, so scrolling meets finished views. */
    private static final double AHEAD = 600;

    private Supplier<? extends Node> builder;
    private final Function<RuntimeException, Node> onFailure;
    private final Runnable check = this::checkShown;
    private Scene listeningOn;
    private boolean scheduled;

    /**
     * @param estimatedHeight height reserved before the content exists
     * @param builder makes the content, on the FX thread, once
     * @param onFailure the view shown instead when {@code builder} throws
     */
    public Lazy(double estimatedHeight, Supplier<? extends Node> builder, Function<RuntimeException, Node> onFailure) {
        this.builder = builder;
        this.onFailure = onFailure;
        getStyleClass().add("output-lazy");
        Region placeholder = new Region();
        placeholder.getStyleClass().add("output-placeholder");
        placeholder.setPrefHeight(estimatedHeight);
        placeholder.setMinHeight(estimatedHeight);
        getChildren().add(placeholder);
        sceneProperty().addListener((obs, old, scene) -> listen(scene));
    }

    /** True once the content has been made. */
    public boolean isBuilt() {
        return builder == null;
    }

    /** Makes the content now, shown or not (e.g. before taking a snapshot of it). */
    public void build() {
        Supplier<? extends Node> b = builder;
        if (b == null) {
            return;
        }
        builder = null;
        stopListening();
        Node content;
        try {
            content = b.get();
        } catch (RuntimeException e) {
            content = onFailure.apply(e);
        }
        getChildren().setAll(content);
    }

    /** The content, or null while it has not been built. */
    public Node content() {
        return isBuilt() && !getChildren().isEmpty() ? getChildren().getFirst() : null;
    }

    private void listen(Scene scene) {
        stopListening();
        if (scene != null && builder != null) {
            scene.addPostLayoutPulseListener(check);
            listeningOn = scene;
        }
    }

    private void stopListening() {
        if (listeningOn != null) {
            Scene s = listeningOn;
            listeningOn = null;
            // Pulse listeners may not be removed while the scene runs them.
            Platform.runLater(() -> s.removePostLayoutPulseListener(check));
        }
    }

    private void checkShown() {
        if (builder != null && !scheduled && isOnScreen()) {
            scheduled = true;
            // Built before the next pulse, so it is styled and laid out before it is first drawn.
            Platform.runLater(() -> {
                scheduled = false;
                build();
            });
        }
    }

    private boolean isOnScreen() {
        Scene scene = getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds mine = localToScene(getLayoutBounds());
        if (!near(mine, 0, 0, scene.getWidth(), scene.getHeight())) {
            return false;
        }
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Bounds view = sp.localToScene(sp.getLayoutBounds());
                if (!near(mine, view.getMinX(), view.getMinY(), view.getMaxX(), view.getMaxY())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean near(Bounds b, double minX, double minY, double maxX, double maxY) {
        return b.getMaxY() >= minY - AHEAD && b.getMinY() <= maxY + AHEAD
                && b.getMaxX() >= minX - AHEAD && b.getMinX() <= maxX + AHEAD;
    }
}
