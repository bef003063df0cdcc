package dev.pageframe.ui.outputs;

import dev.pageframe.ui.markdown.MarkdownView;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** {@code text/markdown}: rendered like a Markdown cell; links go to {@link OutputContext#openLink}. */
final class MarkdownOutputView {

    private MarkdownOutputView() {}

    static Node render(MimeRequest request) {
        OutputContext ctx = request.context();
        Node md = MarkdownView.render(request.text(), Map.of(), ctx::openLink);
        VBox box = new VBox(md);
        box.getStyleClass().add("output-markdown");
        box.setMinWidth(0);
        return box;
    }
}
