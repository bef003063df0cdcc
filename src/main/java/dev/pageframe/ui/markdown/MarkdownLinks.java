package dev.pageframe.ui.markdown;

/** TEMPORARY stand-in until the markdown branch is merged: where a clicked Markdown link goes. */
public interface MarkdownLinks {
    void open(String href);
}
