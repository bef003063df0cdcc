package dev.pageframe.notebook;

import java.io.IOException;

/**
 * A notebook file that Pageframe cannot read, with where the problem is: a line and column for broken
 * JSON, a JSON path such as {@code cells[2].source} for wrong content, or a byte offset for bad UTF-8.
 */
public final class NotebookFormatException extends IOException {
    private final String source;
    private final String location;
    private final String detail;

    /**
     * @param source   the file (or other source) name shown to the user
     * @param location where in it, e.g. {@code "line 3, column 7"} or {@code "cells[2].source"}; may be empty
     * @param detail   what is wrong, in plain words
     */
    public NotebookFormatException(String source, String location, String detail) {
        super(compose(source, location, detail));
        this.source = source;
        this.location = location;
        this.detail = detail;
    }

    private static String compose(String source, String location, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (location != null && !location.isEmpty()) {
            sb.append(": ").append(location);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** Where in the source the problem is; empty when it concerns the whole file. */
    public String location() {
        return location;
    }

    /** What is wrong, without the source and location. */
    public String detail() {
        return detail;
    }
}
