package dev.pageframe.ui.markdown;

/**
 * A heading of a Markdown text, for the outline panel.
 *
 * @param level 1 for {@code #} through 6 for {@code ######} (setext headings are 1 and 2)
 * @param text the heading's words without Markdown syntax
 */
public record Heading(int level, String text) {}
