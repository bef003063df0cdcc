package dev.pageframe.ui.markdown;

import javafx.scene.layout.VBox;

/**
 * The root of a rendered Markdown text. Its preferred width is capped at a comfortable reading
 * width so that a long paragraph does not ask its container for thousands of pixels; given more
 * or less room, the paragraphs wrap to it.
 */
final class MarkdownPane extends VBox {

    /** About 90 characters of body text: past this, a parent that sizes to content gains nothing. */
    static final double READING_WIDTH = 760;

    MarkdownPane() {
        getStyleClass().add("markdown");
        setFillWidth(true);
        setMinWidth(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.min(super.computePrefWidth(height), READING_WIDTH);
    }
}
