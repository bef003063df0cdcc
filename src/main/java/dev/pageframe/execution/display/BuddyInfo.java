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
}
