package dev.pageframe.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet of a kernel came from: which cell (by execution count) and at which
 * line of that cell it starts. Stack frames name snippets as {@code #id}; this maps them back.
 */
final class SnippetOrigins {
    /**
     * A snippet's origin.
     *
     * @param executionCount the cell's execution count, or 0 for a startup snippet
     * @param firstLine the 1-based cell line on which the snippet's source starts
     */
    record Origin(int executionCount, int firstLine) {
        boolean startup() {
            return executionCount == 0;
        }
    }

    private final Map<String, Origin> byId = new ConcurrentHashMap<>();

    void record(String snippetId, int executionCount, int firstLine) {
        byId.put(snippetId, new Origin(executionCount, firstLine));
    }

    /** The origin of the snippet a stack frame's file name ({@code #12}) refers to, or null. */
    Origin forFrameFile(String fileName) {
        if (fileName == null || !fileName.startsWith("#")) {
            return null;
        }
        return byId.get(fileName.substring(1));
    }
}
