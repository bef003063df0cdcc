package dev.pageframe.execution.display;

/** A zone's free-page watermarks, in pages (see mm/page_alloc.c, {@code __setup_per_zone_wmarks}). */
public record ZoneWatermarks(long min, long low, long high) {

    /** Where {@code freePages} stands against the marks, in kswapd's terms. */
    public String verdict(long freePages) {
        if (freePages <= min) {
            return "at or below min: allocations enter direct reclaim";
        }
        if (freePages <= low) {
            return "below low: kswapd wakes";
        }
        if (freePages < high) {
            return "below high: kswapd reclaims until high";
        }
        return "above high";
    }
}
