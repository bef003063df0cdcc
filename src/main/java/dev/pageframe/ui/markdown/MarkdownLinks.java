package dev.pageframe.ui.markdown;

/**
 * What happens when the reader clicks a link in rendered Markdown. The view never opens anything
 * itself: the app decides whether {@code href} is a web page, another notebook or a heading anchor.
 */
@FunctionalInterface
public interface MarkdownLinks {

    /** Links that do nothing, for previews and tests. */
    MarkdownLinks NONE = href -> {};

    /** Called on the FX thread with the link's destination exactly as written in the Markdown. */
    void open(String href);
}
