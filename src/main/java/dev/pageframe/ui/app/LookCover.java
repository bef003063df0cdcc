package dev.pageframe.ui.app;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Transform;
import javafx.stage.Window;

/**
 * Hides a change of look behind a picture of the window's body taken just before it, and takes the picture
 * away once the cards and pages in view have come back restyled.
 * <p>
 * A new theme or zoom restyles every node in the scene in one pulse; the cards and documentation blocks leave
 * the scene first, so that pulse restyles only the window's chrome, and they come back over the next frames,
 * each within the frame budget. Without a cover the page would be empty for those frames; under it the reader
 * sees the old page for a few frames more, then the new one whole. (A cross-fade was tried: halfway between a
 * light and a dark page the text of both cancels out into grey.) The picture is one image, reused from change
 * to change while the body keeps its size.
 */
final class LookCover {
    /** The longest the cover stays, whatever is still missing (a second at 60 frames a second). */
    static final int MAX_FRAMES = 60;
    /**
     * The frame after {@link #cover} in which what leaves the scene leaves (under the picture, drawn by then):
     * not the frame the picture is taken in, which already pays 10-25 ms for drawing it (software pipeline).
     */
    static final int PREPARE_FRAME = 2;
    /** The frame after {@link #cover} in which the change runs: one of its own again. */
    static final int CHANGE_FRAME = 3;

    private final Region body;
    private final BooleanSupplier settled;
    private final ImageView picture = new ImageView();
    private final AnimationTimer watcher = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames++;
            if (prepare != null && frames >= PREPARE_FRAME) {
                Runnable r = prepare;
                prepare = null;
                r.run();
            } else if (change != null) {
                // The frame that puts the picture on screen is not also the one that restyles the window.
                if (frames >= CHANGE_FRAME) {
                    Runnable r = change;
                    change = null;
                    frames = 0;
                    r.run();
                }
            } else if (frames >= MAX_FRAMES || settled.getAsBoolean()) {
                stop();
                picture.setVisible(false);
                picture.setImage(null);
            }
        }
    };
    private WritableImage image;
    private int frames;
    private Runnable prepare;
    private Runnable change;

    /**
     * @param body what the picture covers; the picture must be put in the same parent, above it
     * @param settled true once what the cover hides is back in the scene
     */
    LookCover(Region body, BooleanSupplier settled) {
        this.body = body;
        this.settled = settled;
        picture.getStyleClass().add("look-cover");
        picture.setManaged(false);
        picture.setMouseTransparent(true);
        picture.setVisible(false);
    }

    /** The picture, to put above the body in the body's parent. */
    Node node() {
        return picture;
    }

    /** True from {@link #cover} until the picture is taken away. */
    boolean showing() {
        return picture.isVisible();
    }

    /**
     * Puts a picture of the body, as it looks now, over it; runs {@code prepare} (taking what the change would
     * restyle out of the scene) in frame {@value #PREPARE_FRAME} after this one and {@code change} in frame
     * {@value #CHANGE_FRAME}, and keeps the picture until {@code settled} holds (at most {@value #MAX_FRAMES}
     * frames after the change). A change asked for while another waits replaces it; a {@code prepare} that has
     * run is not run again for it. False, and nothing covered or run, if the body is not on screen.
     */
    boolean cover(Runnable prepare, Runnable change) {
        double w = body.getWidth();
        double h = body.getHeight();
        if (body.getScene() == null || body.getScene().getWindow() == null || w < 1 || h < 1) {
            return false;
        }
        watcher.stop();
        // Already covered (a second change before the first settled), the picture on show is the look the reader
        // saw last and stays: a new one would be a picture of the picture.
        if (!picture.isVisible()) {
            take(w, h);
        }
        picture.setFitWidth(w);
        picture.setFitHeight(h);
        picture.relocate(body.getLayoutX(), body.getLayoutY());
        boolean prepared = picture.isVisible() && this.prepare == null && this.change != null;
        picture.setVisible(true);
        // A change waiting with its preparation done: the new one is prepared too, and keeps the frame count.
        if (!prepared) {
            this.prepare = prepare;
            frames = 0;
        }
        this.change = change;
        watcher.start();
        return true;
    }

    /**
     * Takes a tiny picture and makes the image the next picture of the body is drawn into, so the first change of
     * look does not also pay for code run for the first time and a large image allocated (measured: a first
     * picture took up to 45 ms). Returns that image, or null if the body is not on screen.
     */
    WritableImage warm() {
        if (body.getScene() == null || body.getScene().getWindow() == null || body.getWidth() < 1 || picture.isVisible()) {
            return null;
        }
        // A picture of a small shape of its own, not of the body: drawing the body's nodes would take a frame.
        new Rectangle(8, 8).snapshot(null, null);
        return image(body.getWidth(), body.getHeight());
    }

    private void take(double w, double h) {
        WritableImage into = image(w, h);
        double sx = body.getScene().getWindow().getOutputScaleX();
        double sy = body.getScene().getWindow().getOutputScaleY();
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(sx, sy));
        params.setViewport(new Rectangle2D(body.getLayoutX() * sx, body.getLayoutY() * sy, into.getWidth(), into.getHeight()));
        params.setFill(Color.TRANSPARENT);
        picture.setImage(body.snapshot(params, into));
    }

    /** The image for a picture of a body of this size, in pixels of the screen so it is as sharp as the window. */
    private WritableImage image(double w, double h) {
        Window window = body.getScene().getWindow();
        int pw = (int) Math.ceil(w * window.getOutputScaleX());
        int ph = (int) Math.ceil(h * window.getOutputScaleY());
        if (image == null || (int) image.getWidth() != pw || (int) image.getHeight() != ph) {
            image = new WritableImage(pw, ph);
        }
        return image;
    }
}
