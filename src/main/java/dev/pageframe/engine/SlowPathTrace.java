package dev.pageframe.engine;

import java.util.List;

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

    /** Why the fast path found nothing, in words, judged on the preferred zone. */
    static String fastPathMiss(List<Zone> zonelist, ZoneType highest, int order) {
        if (zonelist.isEmpty()) {
            return "no zone can serve this request";
        }
        Zone z = zonelist.getFirst();
        long usable = z.free_pages - ((1L << order) - 1);
        long reserve = z.lowmem_reserve[highest.ordinal()];
        if (usable <= z.low_wmark_pages() + reserve) {
            // Judged as __zone_watermark_ok judges it: the request's pages beyond the first count as gone.
            StringBuilder why = new StringBuilder(z.name()).append(" is below its low watermark (")
                .append(z.free_pages).append(" free");
            if (order > 0) {
                why.append(", ").append(usable).append(" once this order-").append(order).append(" request's other ")
                    .append((1L << order) - 1).append(" pages are counted as taken");
            }
            why.append("; low ").append(z.low_wmark_pages());
            if (reserve > 0) {
                why.append(" + lowmem_reserve ").append(reserve);
            }
            return why.append(')').toString();
        }
        return "no free block of order " + order + " or more in " + z.name() + " (" + z.free_pages
            + " pages free, but fragmented)";
    }
}
