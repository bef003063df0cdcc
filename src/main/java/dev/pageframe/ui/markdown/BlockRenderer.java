package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.html.MarkdownText;
import dev.pageframe.ui.common.Popups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.ThematicBreak;

/** Turns CommonMark blocks into JavaFX nodes, one region per block, nested as the Markdown nests. */
final class BlockRenderer {

    private static final String[] BULLETS = {"•", "◦", "▪"};
    private static final Pattern HTML_IMG = Pattern.compile("(?is)<img\\b[^>]*>");

    private final InlineRenderer inlines;
    private int listDepth;

    BlockRenderer(ImageSources images, MarkdownLinks links) {
        this.inlines = new InlineRenderer(images, links);
    }

    /** One top-level block of a document, or null for one that shows nothing (a link definition). */
    javafx.scene.Node topLevelBlock(Node node) {
        return block(node, false);
    }

    private List<javafx.scene.Node> blocks(Node parent, boolean tight) {
        List<javafx.scene.Node> out = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            javafx.scene.Node n = block(child, tight);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private javafx.scene.Node block(Node node, boolean tight) {
        return switch (node) {
            case Heading h -> heading(h);
            case Paragraph p -> paragraph(p, tight);
            case FencedCodeBlock f -> codeBlock(f.getLiteral(), f.getInfo());
            case IndentedCodeBlock i -> codeBlock(i.getLiteral(), "");
            case BulletList l -> list(l);
            case OrderedList l -> list(l);
            case BlockQuote q -> blockQuote(q);
            case ThematicBreak t -> rule();
            case TableBlock t -> table(t);
            case HtmlBlock h -> htmlBlock(h.getLiteral());
            case LinkReferenceDefinition d -> null;
            default -> {
                List<javafx.scene.Node> children = blocks(node, tight);
                if (children.isEmpty()) {
                    yield null;
                }
                VBox box = new VBox();
                box.getStyleClass().add("md-block");
                box.getChildren().addAll(children);
                yield box;
            }
        };
    }

    private javafx.scene.Node heading(Heading h) {
        int level = Math.max(1, Math.min(6, h.getLevel()));
        TextFlow flow = inlines.flow(h, "md-heading", "md-h" + level);
        String text = MarkdownText.of(h);
        flow.getProperties().put(MarkdownView.HEADING_PROPERTY, new dev.pageframe.ui.markdown.Heading(level, text));
        flow.getProperties().put(MarkdownView.ANCHOR_PROPERTY, MarkdownView.anchorOf(text));
        flow.setAccessibleText(text);
        return flow;
    }

    private javafx.scene.Node paragraph(Paragraph p, boolean tight) {
        // A paragraph that is only an image is a figure: it gets the full width, not a line of text.
        if (onlyImages(p)) {
            VBox figure = new VBox();
            figure.getStyleClass().add("md-figure");
            for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Image img) {
                    figure.getChildren().add(inlines.image(img.getDestination(), MarkdownText.of(img), img.getTitle(), 0,
                            null));
                }
            }
            return figure;
        }
        TextFlow flow = inlines.flow(p, "md-paragraph");
        if (tight) {
            flow.getStyleClass().add("md-tight");
        }
        return flow;
    }

    private static boolean onlyImages(Paragraph p) {
        boolean any = false;
        for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image) {
                any = true;
            } else if (!(child instanceof SoftLineBreak)
                    && !(child instanceof org.commonmark.node.Text t && t.getLiteral().isBlank())) {
                return false;
            }
        }
        return any;
    }

    static javafx.scene.Node codeBlock(String literal, String info) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-code");
        flow.setMinWidth(0);
        for (CodeHighlighter.Token token : CodeHighlighter.tokenize(code, CodeHighlighter.language(info))) {
            Text t = new Text(token.text());
            t.getStyleClass().add("md-code-text");
            if (token.styleClass() != null) {
                t.getStyleClass().add(token.styleClass());
            }
            flow.getChildren().add(t);
        }
        StackPane block = new StackPane(flow);
        block.getStyleClass().add("md-code-block");
        block.setMinWidth(0);
        StackPane.setAlignment(flow, Pos.TOP_LEFT);
        String lang = info == null ? "" : info.strip().split("\\s+")[0];
        if (!lang.isEmpty()) {
            Label label = new Label(lang);
            label.getStyleClass().add("md-code-lang");
            label.setMouseTransparent(true);
            StackPane.setAlignment(label, Pos.TOP_RIGHT);
            block.getChildren().add(label);
            // Code wraps before the language label rather than under it.
            label.widthProperty().addListener((obs, o, w) ->
                    flow.setPadding(new javafx.geometry.Insets(0, w.doubleValue() + 4, 0, 0)));
        }
        Popups.contextMenu(block, () -> {
            MenuItem copy = new MenuItem("Copy code");
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(code);
                Clipboard.getSystemClipboard().setContent(content);
            });
            return new ContextMenu(copy);
        });
        return block;
    }

    private javafx.scene.Node list(ListBlock list) {
        // A grid keeps markers in one column, so "9." and "10." line up on their right edge.
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("md-list", list.isTight() ? "md-list-tight" : "md-list-loose");
        grid.setMinWidth(0);
        int number = 1;
        String delimiter = ".";
        boolean ordered = list instanceof OrderedList;
        if (list instanceof OrderedList ol) {
            grid.getStyleClass().add("md-ordered-list");
            number = ol.getMarkerStartNumber() == null ? 1 : ol.getMarkerStartNumber();
            delimiter = ol.getMarkerDelimiter() == null ? "." : ol.getMarkerDelimiter();
        } else {
            grid.getStyleClass().add("md-bullet-list");
        }
        ColumnConstraints markers = new ColumnConstraints();
        markers.setHalignment(ordered ? HPos.RIGHT : HPos.CENTER);
        markers.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints contents = new ColumnConstraints();
        contents.setHgrow(Priority.ALWAYS);
        contents.setFillWidth(true);
        contents.setMinWidth(0);
        grid.getColumnConstraints().addAll(markers, contents);
        listDepth++;
        try {
            int row = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem li)) {
                    continue;
                }
                String marker = ordered ? (number++) + delimiter : BULLETS[(listDepth - 1) % BULLETS.length];
                Label bullet = new Label(marker);
                bullet.getStyleClass().addAll("md-list-marker", ordered ? "md-list-number" : "md-list-bullet");
                if (li.getFirstChild() instanceof TaskListItemMarker task) {
                    bullet.setText("");
                    bullet.setGraphic(taskBox(task.isChecked()));
                }
                VBox content = new VBox();
                content.getStyleClass().add("md-list-content");
                content.setMinWidth(0);
                content.getChildren().addAll(blocks(li, list.isTight()));
                // Top, not baseline: GridPane sizes baseline-aligned rows without wrapping their text.
                GridPane.setValignment(bullet, javafx.geometry.VPos.TOP);
                GridPane.setValignment(content, javafx.geometry.VPos.TOP);
                grid.add(bullet, 0, row);
                grid.add(content, 1, row);
                row++;
            }
        } finally {
            listDepth--;
        }
        return grid;
    }

    /** A task list item's box ({@code - [x]}): shown ticked or not, as JupyterLab does; a click does not change it. */
    private static javafx.scene.Node taskBox(boolean checked) {
        javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
        box.setSelected(checked);
        box.setFocusTraversable(false);
        box.setMouseTransparent(true);
        box.getStyleClass().add("md-task-box");
        box.setAccessibleText(checked ? "done" : "not done");
        return box;
    }

    private javafx.scene.Node blockQuote(BlockQuote q) {
        VBox box = new VBox();
        box.getStyleClass().add("md-blockquote");
        box.getChildren().addAll(blocks(q, false));
        return box;
    }

    private static javafx.scene.Node rule() {
        Region hr = new Region();
        hr.getStyleClass().add("md-hr");
        return hr;
    }

    private javafx.scene.Node table(TableBlock table) {
        MarkdownTableGrid builder = table(table, 0);
        while (builder.addRow()) {
            // every row at once
        }
        return builder.node();
    }

    /** A table to be built row by row, with its first {@code rows} rows in. */
    MarkdownTableGrid table(TableBlock table, int rows) {
        MarkdownTableGrid builder = new MarkdownTableGrid(inlines, table);
        for (int i = 0; i < rows && builder.addRow(); i++) {
            // the first rows
        }
        return builder;
    }

    private javafx.scene.Node htmlBlock(String html) {
        List<javafx.scene.Node> images = new ArrayList<>();
        Matcher m = HTML_IMG.matcher(html);
        while (m.find()) {
            Map<String, String> attrs = HtmlText.attributes(m.group());
            images.add(inlines.image(attrs.getOrDefault("src", ""), attrs.getOrDefault("alt", ""), attrs.get("title"),
                    InlineRenderer.parseSize(attrs.get("width")), null));
        }
        String text = HtmlText.toText(HTML_IMG.matcher(html).replaceAll(""));
        if (images.isEmpty() && text.isBlank()) {
            return null;
        }
        VBox box = new VBox();
        box.getStyleClass().add("md-html");
        if (!text.isBlank()) {
            Text t = new Text(text);
            t.getStyleClass().add("md-text");
            TextFlow flow = new TextFlow(t);
            flow.getStyleClass().add("md-paragraph");
            flow.setMinWidth(0);
            box.getChildren().add(flow);
        }
        box.getChildren().addAll(images);
        return box;
    }
}
