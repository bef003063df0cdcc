package dev.pageframe.notebook.html;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words of a Markdown node without its syntax, whitespace folded: what a heading says in the
 * outline, the export's title and heading ids, an image's alt text. The one plain-text extractor.
 */
public final class MarkdownText {

    private MarkdownText() {}

    /** The text of {@code node} and its children: literals and code spans, line breaks as spaces, no tags. */
    public static String of(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                b.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                b.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                b.append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                // Tags are markup, not words.
            }

            @Override
            public void visit(Image image) {
                visitChildren(image);
            }
        });
        return b.toString().strip().replaceAll("\\s+", " ");
    }
}
