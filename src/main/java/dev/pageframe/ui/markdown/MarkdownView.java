package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.html.MarkdownText;
import dev.pageframe.notebook.MimeBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.commonmark.node.AbstractVisitor;

/**
 * Renders a Markdown cell (CommonMark plus GFM tables) to JavaFX nodes: no WebView, so it themes
 * with the rest of the app and stays light when a notebook has hundreds of cells.
 *
 * <pre>{@code
 * Node view = MarkdownView.render(cell.source(), cell.attachments(), href -> app.open(href), notebookDir);
 * List<Heading> outline = MarkdownView.headings(cell.source());
 * }</pre>
 *
 * <p>The returned node is a {@code VBox} with style class {@code markdown} that carries
 * {@link #STYLESHEET} itself; paragraphs wrap to whatever width its parent gives it. Headings
 * are {@code TextFlow}s with classes {@code md-heading md-h1} … {@code md-h6}; see
 * {@link #headingNodes(Node)} to scroll the outline to one.
 */
public final class MarkdownView {

    /** The stylesheet of Markdown and output views; every rendered node already adds it. */
    public static final String STYLESHEET = Objects.requireNonNull(
            MarkdownView.class.getResource("/dev/pageframe/ui/outputs/outputs.css"), "outputs.css").toExternalForm();

    /** Key in a heading node's {@link Node#getProperties()} of its {@link Heading}. */
    public static final String HEADING_PROPERTY = "pageframe.md.heading";

    /** Key in a heading node's {@link Node#getProperties()} of its GitHub-style anchor ({@link #anchorOf}). */
    public static final String ANCHOR_PROPERTY = "pageframe.md.anchor";

    private MarkdownView() {}

    /** Renders {@code markdown}; relative image paths are not resolved. Call on the FX thread. */
    public static Node render(String markdown, Map<String, MimeBundle> attachments, MarkdownLinks links) {
        return render(markdown, attachments, links, null);
    }

    /**
     * Renders {@code markdown}. Images may be {@code attachment:name} (looked up in {@code attachments}),
     * {@code data:} URIs, or file paths relative to {@code baseDir} (null: not resolved; absolute paths are
     * never read); web images are never fetched and show their alt text instead. An image that cannot be
     * shown leaves a placeholder saying why. Call on the FX thread.
     */
    public static Node render(String markdown, Map<String, MimeBundle> attachments, MarkdownLinks links, Path baseDir) {
        Steps steps = renderInSteps(markdown, attachments, links, baseDir);
        while (steps.next()) {
            // every block at once
        }
        return steps.root();
    }

    /**
     * Starts rendering {@code markdown} a top-level block at a time (same arguments as {@link #render}): a long
     * page can then fill over several frames, the top first, instead of stalling one.
     */
    public static Steps renderInSteps(String markdown, Map<String, MimeBundle> attachments, MarkdownLinks links,
            Path baseDir) {
        MarkdownPane pane = new MarkdownPane();
        pane.getStylesheets().add(STYLESHEET);
        BlockRenderer renderer = new BlockRenderer(
                new ImageSources(attachments == null ? Map.of() : attachments, baseDir),
                links == null ? MarkdownLinks.NONE : links);
        return new Steps(pane, renderer, MarkdownParser.parse(markdown == null ? "" : markdown).getFirstChild());
    }

    /** A Markdown text being rendered block by block into {@link #root()}. FX thread. */
    public static final class Steps {
        /**
         * Rows of a table that come in with it (its head); the rest follow a row a step. Sampled on a cold start,
         * a step of the head and two rows of links (each a {@code Hyperlink} control with a skin to style) still
         * took 30-45 ms.
         */
        private static final int TABLE_ROWS_AT_ONCE = 1;
        private final MarkdownPane pane;
        private final BlockRenderer renderer;
        private org.commonmark.node.Node next;
        /** A table whose remaining rows the next steps add; null when none is pending. */
        private MarkdownTableGrid table;

        private Steps(MarkdownPane pane, BlockRenderer renderer, org.commonmark.node.Node first) {
            this.pane = pane;
            this.renderer = renderer;
            this.next = first;
        }

        /** The rendered text so far; the blocks still to come are appended to it. */
        public Node root() {
            return pane;
        }

        /**
         * Renders and appends the next block, and styles and measures it at once when the root is in a scene,
         * so a caller's time budget counts that work too. A table comes in a row per step: on a cold start a
         * dozen rows of links and code took 15-20 ms to make and style at once. False when every block is in.
         */
        public boolean next() {
            if (table != null) {
                boolean more = table.addRow();
                measure(table.node());
                if (!more) {
                    table = null;
                }
                return more || next != null;
            }
            while (next != null) {
                org.commonmark.node.Node node = next;
                next = node.getNext();
                Node block;
                if (node instanceof org.commonmark.ext.gfm.tables.TableBlock t) {
                    MarkdownTableGrid builder = renderer.table(t, TABLE_ROWS_AT_ONCE);
                    table = builder.complete() ? null : builder;
                    block = builder.node();
                } else {
                    block = renderer.topLevelBlock(node);
                }
                if (block != null) {
                    pane.getChildren().add(block);
                    measure(block);
                    return table != null || next != null;
                }
            }
            return false;
        }

        private void measure(Node block) {
            if (pane.getScene() != null) {
                styleAndMeasure(block, pane);
            }
        }
    }

    /**
     * Styles a block just put into {@code page} (in a scene) and works out its height at the page's width, so a
     * caller's time budget counts that work and the next layout pass finds it done.
     */
    public static void styleAndMeasure(Node block, javafx.scene.layout.Region page) {
        block.applyCss();
        if (page.getWidth() > 0) {
            block.prefHeight(page.getWidth() - page.snappedLeftInset() - page.snappedRightInset());
        }
    }

    /** The headings of {@code markdown} in document order, for an outline. */
    public static List<Heading> headings(String markdown) {
        List<Heading> out = new ArrayList<>();
        MarkdownParser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                out.add(new Heading(heading.getLevel(), MarkdownText.of(heading)));
            }
        });
        return out;
    }

    /** The text of the first heading of {@code markdown}, or null when it has none (a cell's title). */
    public static String headingText(String markdown) {
        List<Heading> all = headings(markdown);
        return all.isEmpty() ? null : all.getFirst().text();
    }

    /** The heading nodes of a view made by {@link #render}, in document order. */
    public static List<Node> headingNodes(Node rendered) {
        List<Node> out = new ArrayList<>();
        collectHeadings(rendered, out);
        return out;
    }

    /**
     * The heading node of a view made by {@link #render} that a link's {@code #fragment} names (GitHub or
     * Jupyter style, see {@link Anchors}), or null when none does.
     */
    public static Node headingNode(Node rendered, String fragment) {
        List<Node> nodes = headingNodes(rendered);
        List<String> texts = nodes.stream().map(n -> ((Heading) n.getProperties().get(HEADING_PROPERTY)).text()).toList();
        int i = Anchors.find(texts, fragment);
        return i < 0 ? null : nodes.get(i);
    }

    private static void collectHeadings(Node node, List<Node> out) {
        if (node.getProperties().containsKey(HEADING_PROPERTY)) {
            out.add(node);
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectHeadings(child, out);
            }
        }
    }

    /**
     * The anchor GitHub and JupyterLab give a heading, so {@code [see](#free-lists)} can find it:
     * lower case, punctuation dropped, spaces as hyphens.
     */
    public static String anchorOf(String headingText) {
        StringBuilder b = new StringBuilder();
        for (char c : headingText.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            } else if (c == ' ') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
