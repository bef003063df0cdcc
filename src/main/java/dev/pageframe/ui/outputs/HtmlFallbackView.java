package dev.pageframe.ui.outputs;

import dev.pageframe.ui.markdown.HtmlText;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * {@code text/html} without a browser: a lone {@code <table>} (a pandas frame, a Pageframe table)
 * becomes a {@link TableOutputView}; anything else shows as its text with the tags stripped.
 * HTML with no text at all (a widget's script) is declined, so {@code text/plain} is used.
 */
public final class HtmlFallbackView extends VBox {

    private HtmlFallbackView(Node content, String styleClass) {
        getStyleClass().addAll("output-html", styleClass);
        setMinWidth(0);
        getChildren().add(content);
    }

    static Node render(MimeRequest request) {
        String html = request.text();
        Optional<HtmlText.Table> table = HtmlText.singleTable(html);
        if (table.isPresent()) {
            HtmlText.Table t = table.get();
            return new HtmlFallbackView(TableOutputView.ofText(t.caption(), t.headers(), t.rows()), "output-html-table");
        }
        String text = HtmlText.toText(html);
        if (text.isBlank()) {
            throw new IllegalArgumentException("the HTML has no text to show");
        }
        return new HtmlFallbackView(new FoldedText(text, null, "output-prose"), "output-html-text");
    }
}
