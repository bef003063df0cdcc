package dev.pageframe.ui.outputs;

import dev.pageframe.notebook.Output;
import javafx.scene.layout.VBox;

/**
 * Text a cell printed: monospace, escape codes stripped, carriage returns applied, folded past
 * {@value FoldedText#FOLD_LINES} lines. Standard error is tinted so warnings stand out.
 */
public final class StreamOutputView extends VBox {

    private final FoldedText text;

    StreamOutputView(Output.Stream stream) {
        boolean stderr = "stderr".equals(stream.name());
        getStyleClass().addAll("output-stream", stderr ? "output-stderr" : "output-stdout");
        setMinWidth(0);
        text = new FoldedText(TextCleaner.clean(stream.text()), false, null, "output-mono");
        getChildren().add(text);
    }

    /** The text as shown (cleaned), whether or not it is folded. */
    public String text() {
        return text.text();
    }

    /** True while lines are hidden behind the "Show more" button. */
    public boolean isFolded() {
        return text.isFolded();
    }
}
