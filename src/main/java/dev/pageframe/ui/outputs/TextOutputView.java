package dev.pageframe.ui.outputs;

import javafx.scene.layout.VBox;

/** {@code text/plain}: a value's text, monospace and folded when long. */
public final class TextOutputView extends VBox {

    private final FoldedText text;

    TextOutputView(String text, String styleClass) {
        getStyleClass().add(styleClass);
        setMinWidth(0);
        this.text = new FoldedText(TextCleaner.clean(text), false, null, "output-mono");
        getChildren().add(this.text);
    }

    static TextOutputView render(MimeRequest request) {
        return new TextOutputView(request.text(), "output-plain");
    }

    /** The text as shown. */
    public String text() {
        return text.text();
    }
}
