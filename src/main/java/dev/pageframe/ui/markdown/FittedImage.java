package dev.pageframe.ui.markdown;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * An image that is never wider than its natural size, an optional width hint, or the room it is
 * given, and keeps its aspect ratio when it shrinks.
 */
public final class FittedImage extends Region {

    private final ImageView view = new ImageView();
    private final double widthHint;
    private final DoubleProperty maxFitWidth = new SimpleDoubleProperty(this, "maxFitWidth", Double.MAX_VALUE);

    /**
     * @param widthHint the width the author asked for (HTML {@code width}, Jupyter metadata), or ≤ 0 for none
     */
    public FittedImage(Image image, double widthHint) {
        this.widthHint = widthHint > 0 ? widthHint : Double.MAX_VALUE;
        getStyleClass().add("fitted-image");
        view.setImage(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
        setMinWidth(0);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        // Background-loaded images have no size until they arrive.
        image.widthProperty().addListener((obs, o, n) -> requestParentLayout());
        maxFitWidth.addListener((obs, o, n) -> requestParentLayout());
    }

    public Image getImage() {
        return view.getImage();
    }

    /** An upper bound on the width, e.g. bound to the width of the text an image sits in. */
    public DoubleProperty maxFitWidthProperty() {
        return maxFitWidth;
    }

    private double naturalWidth() {
        return Math.min(view.getImage().getWidth(), Math.min(widthHint, Math.max(0, maxFitWidth.get())));
    }

    private double heightFor(double width) {
        Image img = view.getImage();
        if (img.getWidth() <= 0) {
            return 0;
        }
        return img.getHeight() * width / img.getWidth();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + naturalWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? naturalWidth()
                : Math.min(naturalWidth(), width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + heightFor(Math.max(0, inner)) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, Math.min(naturalWidth(), getWidth() - snappedLeftInset() - snappedRightInset()));
        view.setFitWidth(w);
        view.relocate(snappedLeftInset(), snappedTopInset());
    }
}
