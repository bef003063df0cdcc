package dev.pageframe.ui.outputs;

import javafx.scene.control.Label;

/** A short, muted sentence standing in for an output that cannot be shown here. */
public final class NoticeView extends Label {

    NoticeView(String text) {
        super(text);
        getStyleClass().add("output-notice");
        setWrapText(true);
        setMinWidth(0);
    }

    /** {@code image/svg+xml} with nothing else to show: JavaFX cannot draw SVG documents. */
    static NoticeView svg(MimeRequest request) {
        return new NoticeView("SVG output (open in Jupyter or export to HTML to view)");
    }
}
