package dev.pageframe.engine;

/**
 * Where the page allocator's slow path leaves its account of what it tried, in words, the way the
 * kernel keeps such text out of mm/page_alloc.c's logic and in tracepoints. The allocator reports
 * steps; the sentence a cell reads through {@code last_slowpath()} is built here.
 */
final class SlowPathTrace {
    /** No account: the last request kept to the fast path. */
    private static final String NONE = "";
    private final StringBuilder steps = new StringBuilder();
    private String last = NONE;

    /** Forgets the previous request: it did not need the slow path. */
    void fastPath() {
        // steps is emptied by enter() and record(), the only ways into a new account. Compared by identity and read
        // before writing: the fast path then neither follows the string nor stores anything.
        if (last != NONE) {
            last = NONE;
        }
    }

    /** The slow path starts, for this reason. */
    void enter(String reason) {
        steps.setLength(0);
        steps.append(reason);
    }

    /** One more thing the slow path did. */
    void step(String what) {
        if (steps.length() > 0) {
            steps.append("; ");
        }
        steps.append(what);
    }

    /** The request is over (served or failed), with an optional last step. */
    void done(String what) {
        if (what != null) {
            step(what);
        }
        last = steps.toString();
    }

    /** A one-line account: a request refused before the allocator, or a legacy era's simpler path. */
    void record(String why) {
        steps.setLength(0);
        last = why;
    }

    /** The account of the last request that left the fast path; empty if it did not. */
    String last() {
        return last;
    }
}
