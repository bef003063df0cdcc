package dev.pageframe.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet of a kernel came from: which cell (by execution count) and at which
 * line of that cell it starts. Stack frames name snippets as {@code #id}; this maps them back. A snippet
 * holding several cells (a headless run's batch) has one part per cell.
 */
final class SnippetOrigins {
    /**
     * The part of a snippet that holds one cell.
     *
     * @param snippetLine the 1-based snippet line on which the part starts
     * @param executionCount the cell's execution count, or 0 for a startup snippet
     * @param firstLine the 1-based cell line on which the part starts
     */
    record Part(int snippetLine, int executionCount, int firstLine) {}

    /** A frame's place in a cell: the cell's execution count (0 for startup) and the 1-based cell line. */
    record Place(int executionCount, int line) {
        boolean startup() {
            return executionCount == 0;
        }
    }

    private final Map<String, List<Part>> byId = new ConcurrentHashMap<>();

    void record(String snippetId, int executionCount, int firstLine) {
        byId.put(snippetId, List.of(new Part(1, executionCount, firstLine)));
    }

    /** A snippet made of several cells' parts, in order of {@link Part#snippetLine}, the first on line 1. */
    void record(String snippetId, List<Part> parts) {
        byId.put(snippetId, List.copyOf(parts));
    }

    /** Where line {@code snippetLine} of the snippet a frame's file name names lies in its cell, or null. */
    Place place(String fileName, int snippetLine) {
        if (fileName == null || !fileName.startsWith("#")) {
            return null;
        }
        List<Part> parts = byId.get(fileName.substring(1));
        if (parts == null) {
            return null;
        }
        int line = Math.max(snippetLine, 1);
        Part part = parts.getFirst();
        for (Part p : parts) {
            if (p.snippetLine() <= line) {
                part = p;
            }
        }
        return new Place(part.executionCount(), part.firstLine() + line - part.snippetLine());
    }
}
