/**
 * Markdown cells rendered natively: {@link dev.pageframe.ui.markdown.MarkdownView#render} turns
 * CommonMark (with GFM tables) into JavaFX text flows, grids and images, so Markdown themes with
 * AtlantaFX and costs no WebView.
 *
 * <p>What is shown: headings h1–h6, paragraphs that wrap, emphasis, strong, code spans, links
 * (handed to {@link dev.pageframe.ui.markdown.MarkdownLinks}), fenced and indented code with
 * simple Java/C/Python/shell colouring, nested lists, block quotes, tables, rules, and images from
 * cell attachments, {@code data:} URIs or files beside the notebook (by relative path). Web images are
 * never fetched; their alt text stands in. {@link dev.pageframe.ui.markdown.Anchors} finds the heading a
 * {@code #fragment} link names, in GitHub's or Jupyter's style. Inline HTML for bold, italics, code, line breaks, links and
 * {@code <img>} is honoured; other HTML shows as its text.
 *
 * <p>Styles live in {@code /dev/pageframe/ui/outputs/outputs.css}
 * ({@link dev.pageframe.ui.markdown.MarkdownView#STYLESHEET}), which each rendered node adds to
 * itself; every colour is an AtlantaFX looked-up colour so light and dark themes both work.
 */
package dev.pageframe.ui.markdown;
