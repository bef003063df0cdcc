package dev.pageframe.ui.notebook;

/** A Markdown heading of a cell, for the outline and for folding sections. */
public record HeadingInfo(int level, String text) {}
