package dev.pageframe.ui.outputs;

import dev.pageframe.notebook.Output;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** TEMPORARY stand-in until the outputs branch is merged: every output as a Label of its text. */
public final class OutputViews {
    private OutputViews() {}

    public static Node render(Output output, OutputContext ctx) {
        Label label = new Label();
        label.setWrapText(true);
        switch (output) {
            case Output.Stream s -> label.setText(s.text());
            case Output.ExecuteResult r -> label.setText(r.data().text("text/plain").orElse(""));
            case Output.DisplayData d -> {
                label.setText(d.data().text("text/plain").orElse(""));
                if (d.data().has("application/vnd.pageframe.framemap+json")) {
                    label.getStyleClass().add("output-framemap");
                } else if (d.data().has("application/vnd.pageframe.buddyinfo+json")) {
                    label.getStyleClass().add("output-buddyinfo");
                } else if (d.data().mimeTypes().stream().anyMatch(m -> m.startsWith("application/vnd.pageframe."))) {
                    label.getStyleClass().add("output-chart");
                }
            }
            case Output.ErrorOutput e -> label.setText(e.ename() + ": " + e.evalue() + "\n" + String.join("\n", e.traceback()));
            case Output.Unknown u -> label.setText(u.outputType());
        }
        return label;
    }
}
