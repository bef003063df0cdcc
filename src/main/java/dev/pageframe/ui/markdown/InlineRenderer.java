package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.html.MarkdownText;
import dev.pageframe.ui.common.Popups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.commonmark.node.Code;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * Turns a block's inline Markdown into the children of a {@link TextFlow}: {@link Text} runs with
 * style classes for emphasis, {@link Label}s for code spans, {@link Hyperlink}s for links and
 * {@link FittedImage}s for images. Inline HTML tags for bold, italics, code and line breaks work too.
 */
final class InlineRenderer {

    /** Link texts longer than this become one hyperlink per word so that they can wrap. */
    private static final int WRAPPABLE_LINK_LENGTH = 30;

    private final ImageSources images;
    private final MarkdownLinks links;

    /** Style classes in force for the next text run (emphasis, HTML tags). */
    private final List<String> styles = new ArrayList<>();
    /** Target of an open HTML {@code <a href>}, whose text runs become clickable. */
    private String htmlHref;

    InlineRenderer(ImageSources images, MarkdownLinks links) {
        this.images = images;
        this.links = links;
    }

    /** A wrapping text flow holding the inline children of {@code block}. */
    TextFlow flow(Node block, String... styleClasses) {
        return flow(new TextFlow(), block, styleClasses);
    }

    /** Fills {@code flow} (empty) with the inlines of {@code block}, as {@link #flow(Node, String...)} does. */
    <F extends TextFlow> F flow(F flow, Node block, String... styleClasses) {
        flow.getStyleClass().addAll(styleClasses);
        flow.setMinWidth(0);
        styles.clear();
        htmlHref = null;
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            inline(child, flow);
        }
        return flow;
    }

    private void inline(Node node, TextFlow flow) {
        switch (node) {
            case org.commonmark.node.Text t -> text(t.getLiteral(), flow);
            case SoftLineBreak br -> text(" ", flow);
            case HardLineBreak br -> text("\n", flow);
            case Emphasis e -> styled("md-em", e, flow);
            case StrongEmphasis s -> styled("md-strong", s, flow);
            case Strikethrough s -> styled("md-strike", s, flow);
            case Code c -> flow.getChildren().add(codeSpan(c.getLiteral()));
            case Link l -> link(l, flow);
            case Image i -> flow.getChildren().add(image(i.getDestination(), MarkdownText.of(i), i.getTitle(), 0, flow));
            case HtmlInline h -> html(h.getLiteral(), flow);
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    inline(child, flow);
                }
            }
        }
    }

    private void styled(String styleClass, Node node, TextFlow flow) {
        styles.add(styleClass);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            inline(child, flow);
        }
        styles.remove(styles.size() - 1);
    }

    private void text(String literal, TextFlow flow) {
        if (literal.isEmpty()) {
            return;
        }
        Text t = new Text(literal);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        if (htmlHref != null) {
            String href = htmlHref;
            t.getStyleClass().add("md-link-text");
            t.setCursor(Cursor.HAND);
            t.setOnMouseClicked(e -> links.open(href));
        }
        flow.getChildren().add(t);
    }

    static Label codeSpan(String literal) {
        Label code = new Label(literal);
        code.getStyleClass().add("md-code-inline");
        code.setMinWidth(Label.USE_PREF_SIZE);
        return code;
    }

    private void link(Link link, TextFlow flow) {
        String href = link.getDestination();
        String tip = link.getTitle() == null || link.getTitle().isBlank() ? href : link.getTitle() + "\n" + href;
        // A linked image (a badge, a figure) is clicked as a whole.
        if (link.getFirstChild() instanceof Image img && img.getNext() == null) {
            javafx.scene.Node node = image(img.getDestination(), MarkdownText.of(img), img.getTitle(), 0, flow);
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> links.open(href));
            node.getStyleClass().add("md-link-image");
            flow.getChildren().add(node);
            return;
        }
        String text = MarkdownText.of(link);
        if (text.isEmpty()) {
            text = href;
        }
        List<String> parts = new ArrayList<>();
        if (text.length() > WRAPPABLE_LINK_LENGTH && text.contains(" ")) {
            for (String word : text.split("(?<= )")) {
                parts.add(word);
            }
        } else {
            parts.add(text);
        }
        for (String part : parts) {
            Hyperlink h = new Hyperlink(part);
            h.getStyleClass().add("md-link");
            h.getStyleClass().addAll(styles);
            h.setOnAction(e -> links.open(href));
            h.setMinWidth(Hyperlink.USE_PREF_SIZE);
            Popups.tooltip(h, tip, Duration.millis(400));
            flow.getChildren().add(h);
        }
    }

    /** The image, or its alt text styled as missing with the reason in a tooltip. */
    javafx.scene.Node image(String destination, String alt, String title, double widthHint, TextFlow flow) {
        ImageSources.Resolved r = images.resolve(destination);
        if (r.image() != null) {
            FittedImage img = new FittedImage(r.image(), widthHint);
            img.getStyleClass().add("md-image");
            if (flow != null) {
                img.maxFitWidthProperty().bind(flow.widthProperty().subtract(4));
            }
            String tip = title != null && !title.isBlank() ? title : alt;
            if (tip != null && !tip.isBlank()) {
                Tooltip.install(img, new Tooltip(tip));
            }
            img.setAccessibleText(alt);
            if (r.image().getProgress() < 1) {
                // A large file loads in the background, so whether it decodes is only known later.
                r.image().errorProperty().subscribe(failed -> {
                    if (failed) {
                        replaceWhenPlaced(img, missingImage(alt,
                                ImageSources.Resolved.failed(destination + " could not be decoded as an image")));
                    }
                });
            }
            return img;
        }
        return missingImage(alt, r);
    }

    /** Puts {@code with} where {@code node} is, now or once it has been placed. */
    private static void replaceWhenPlaced(javafx.scene.Node node, javafx.scene.Node with) {
        if (node.getParent() instanceof javafx.scene.layout.Pane p) {
            p.getChildren().set(p.getChildren().indexOf(node), with);
        } else {
            node.parentProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (node.getParent() instanceof javafx.scene.layout.Pane p) {
                        node.parentProperty().removeListener(this);
                        p.getChildren().set(p.getChildren().indexOf(node), with);
                    }
                }
            });
        }
    }

    /**
     * What stands in for an image that is not shown: a web image shows its alt text, as a browser offline
     * would; a local one also says what went wrong and names its path, so a wrong path is easy to fix.
     */
    static Label missingImage(String alt, ImageSources.Resolved r) {
        String name = alt == null || alt.isBlank() ? "image" : alt;
        Label missing = new Label(r.remote() ? name : name + " \u2014 " + r.problem());
        missing.getStyleClass().add("md-image-missing");
        missing.setWrapText(true);
        Tooltip.install(missing, new Tooltip(r.problem()));
        return missing;
    }

    private void html(String tag, TextFlow flow) {
        String name = HtmlText.tagName(tag);
        boolean end = HtmlText.isEndTag(tag);
        String style = switch (name) {
            case "b", "strong" -> "md-strong";
            case "i", "em", "cite", "var" -> "md-em";
            case "code", "kbd", "tt", "samp" -> "md-code-span";
            case "s", "del", "strike" -> "md-strike";
            case "u", "ins" -> "md-underline";
            case "mark" -> "md-mark";
            // Exponents matter in these notes: 2<sup>order</sup> pages must not read as "2order".
            case "sup" -> "md-sup";
            case "sub" -> "md-sub";
            default -> null;
        };
        if (style != null) {
            if (end) {
                styles.remove(style);
            } else {
                styles.add(style);
            }
            return;
        }
        switch (name) {
            case "br" -> text("\n", flow);
            case "a" -> {
                if (end) {
                    htmlHref = null;
                } else {
                    Map<String, String> attrs = HtmlText.attributes(tag);
                    htmlHref = attrs.getOrDefault("href", null);
                }
            }
            case "img" -> {
                Map<String, String> attrs = HtmlText.attributes(tag);
                flow.getChildren().add(image(attrs.getOrDefault("src", ""), attrs.getOrDefault("alt", ""),
                        attrs.get("title"), parseSize(attrs.get("width")), flow));
            }
            default -> {
                // Other inline tags (span, font…) carry no meaning we can show.
            }
        }
    }

    static double parseSize(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.strip().replaceFirst("px$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
