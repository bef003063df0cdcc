package dev.pageframe.notebook.html;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown to safe HTML for one export: CommonMark with GFM tables, strikethrough and task lists, raw HTML allowed through and then
 * sanitized, Java code fences highlighted, and headings given ids (Jupyter's style: the text with spaces
 * as dashes) that stay unique across the whole page.
 */
final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            TaskListItemsExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer;
    private final Set<String> usedIds = new HashSet<>();

    Markdown(JavaHighlighter highlighter) {
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .softbreak("\n")
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading h) {
                        attributes.put("id", uniqueId(MarkdownText.of(h)));
                    } else if (node instanceof org.commonmark.node.ListItem && node.getFirstChild() instanceof TaskListItemMarker) {
                        attributes.put("class", "task-list-item");
                    }
                })
                .nodeRendererFactory(context -> new JavaFenceRenderer(context, highlighter))
                .build();
    }

    /** {@code markdown} as sanitized HTML; {@code attachment:NAME} images come from {@code resolveImage}. */
    String render(String markdown, UnaryOperator<String> resolveImage) {
        return HtmlSanitizer.sanitize(renderer.render(PARSER.parse(MathSpans.protect(markdown))), resolveImage);
    }

    /** The plain text of the first heading in {@code markdown}, if it has one. */
    static Optional<String> firstHeading(String markdown) {
        Heading[] found = new Heading[1];
        PARSER.parse(MathSpans.protect(markdown)).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (found[0] == null) {
                    found[0] = heading;
                }
            }
        });
        if (found[0] == null) {
            return Optional.empty();
        }
        String text = MarkdownText.of(found[0]).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private String uniqueId(String text) {
        String base = text.strip().replaceAll("\\s+", "-");
        if (base.isEmpty()) {
            base = "section";
        }
        String id = base;
        for (int k = 1; !usedIds.add(id); k++) {
            id = base + "-" + k;
        }
        return id;
    }

    /** Renders {@code ```java} (and jshell) fences with the Java highlighter; other fences as usual. */
    private static final class JavaFenceRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final JavaHighlighter highlighter;

        JavaFenceRenderer(HtmlNodeRendererContext context, JavaHighlighter highlighter) {
            this.html = context.getWriter();
            this.highlighter = highlighter;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
            String literal = block.getLiteral();
            html.line();
            html.tag("pre");
            if (language.isEmpty()) {
                html.tag("code");
                html.text(literal);
            } else {
                html.tag("code", Map.of("class", "language-" + language));
                String lower = language.toLowerCase(Locale.ROOT);
                if (lower.equals("java") || lower.equals("jshell")) {
                    html.raw(highlighter.toHtml(literal));
                } else {
                    html.text(literal);
                }
            }
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }
}
