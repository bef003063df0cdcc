package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/**
 * A vmalloc area as its page tables map it: the page frame behind each virtual page, in order, or
 * {@link #UNMAPPED} for a page with no frame (the guard page). Drawn as virtual pages in a row with
 * a line from each one down to its frame on a strip of physical memory.
 */
public record VmallocMap(String title, long start, long pageSize, List<Long> pfns) implements Chart {

    public static final String KIND = "vmallocmap";

    /** The pfn of a virtual page that nothing backs. */
    public static final long UNMAPPED = -1;

    /** More pages than this would draw lines too close together to follow. */
    public static final int MAX_PAGES = 256;

    public VmallocMap {
        title = Objects.requireNonNullElse(title, "");
        if (pageSize <= 0) {
            pageSize = 4096;
        }
        pfns = List.copyOf(pfns);
        if (pfns.isEmpty()) {
            throw new IllegalArgumentException("a vmalloc map needs at least one page");
        }
        if (pfns.size() > MAX_PAGES) {
            throw new IllegalArgumentException("a vmalloc map draws at most " + MAX_PAGES + " pages, not " + pfns.size()
                    + ": pass the first " + MAX_PAGES);
        }
        for (long pfn : pfns) {
            if (pfn < UNMAPPED) {
                throw new IllegalArgumentException("pfn " + pfn + " is negative: use VmallocMap.UNMAPPED (-1) for no frame");
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The lowest frame any page maps to, or {@link #UNMAPPED} when none is mapped. */
    public long lowestPfn() {
        return pfns.stream().filter(p -> p != UNMAPPED).mapToLong(Long::longValue).min().orElse(UNMAPPED);
    }

    /** The highest frame any page maps to, or {@link #UNMAPPED} when none is mapped. */
    public long highestPfn() {
        return pfns.stream().filter(p -> p != UNMAPPED).mapToLong(Long::longValue).max().orElse(UNMAPPED);
    }

    /** How many mapped pages there are. */
    public int mappedPages() {
        return (int) pfns.stream().filter(p -> p != UNMAPPED).count();
    }

    /**
     * How many physically contiguous runs the mapped pages form, in virtual order: 1 means the area
     * could have come from one buddy block.
     */
    public int physicalRuns() {
        int runs = 0;
        long previous = UNMAPPED;
        for (long pfn : pfns) {
            if (pfn != UNMAPPED && (previous == UNMAPPED || pfn != previous + 1)) {
                runs++;
            }
            previous = pfn;
        }
        return runs;
    }
}
