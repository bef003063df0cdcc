package dev.pageframe.execution.display;

import java.util.List;
import java.util.Objects;

/** Free blocks per order for each zone of a node, like /proc/buddyinfo, with optional watermarks. */
public record BuddyInfo(String title, int node, long pageSize, List<ZoneFreeAreas> zones, boolean log)
        implements Chart {

    public static final String KIND = "buddyinfo";

    public BuddyInfo {
        title = Objects.requireNonNullElse(title, "");
        if (pageSize <= 0) {
            pageSize = 4096;
        }
        zones = List.copyOf(zones);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The number of orders shown: the longest zone's. */
    public int orders() {
        return zones.stream().mapToInt(ZoneFreeAreas::orders).max().orElse(0);
    }

    /**
     * Whether the counts are drawn on a log scale unless the reader says otherwise: when asked for,
     * or when they span two decades or more, as on any machine that has run a while (on a linear
     * axis the high orders would not show at all). The app's toggle and the stored picture both start here.
     */
    public boolean logByDefault() {
        return log || spansDecades();
    }

    /** True when the largest count is at least a hundred times the smallest non-zero one. */
    public boolean spansDecades() {
        long max = 0;
        long minPositive = Long.MAX_VALUE;
        for (ZoneFreeAreas z : zones) {
            for (int o = 0; o < z.orders(); o++) {
                long n = z.nrFree(o);
                max = Math.max(max, n);
                if (n > 0) {
                    minPositive = Math.min(minPositive, n);
                }
            }
        }
        return max > 0 && max >= 100L * minPositive;
    }
}
