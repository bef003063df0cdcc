package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** TEMPORARY stand-in until the markdown branch is merged: shows the source in a Label. */
public final class MarkdownView {
    private MarkdownView() {}

    /** One ATX heading. */
    public record Heading(int level, String text) {}

    public static Node render(String markdown, Map<String, MimeBundle> attachments, MarkdownLinks links) {
        Label label = new Label(markdown);
        label.setWrapText(true);
        return label;
    }

    public static List<Heading> headings(String markdown) {
        List<Heading> out = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            int level = 0;
            while (!fence && level < t.length() && t.charAt(level) == '#') {
                level++;
            }
            if (level >= 1 && level <= 6 && (t.length() == level || t.charAt(level) == ' ')) {
                out.add(new Heading(level, t.substring(level).strip()));
            }
        }
        return out;
    }
}
