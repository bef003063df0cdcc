package dev.pageframe.execution.display;

import java.util.Map;

/** A value a notebook cell can display: a chart, a table or an allocator view. */
public sealed interface Chart
        permits LineChart, AreaChart, BarChart, StackedBarChart, Histogram, Table, FrameMap, BuddyInfo, VmallocMap {

    /** The short name of this kind, as in {@code application/vnd.pageframe.<kind>+json}. */
    String kind();

    /** The heading shown above the chart. */
    String title();

    /** The MIME bundle a notebook output stores for this chart; see {@link MimeBundles#of}. */
    default Map<String, Object> mimeBundle() {
        return MimeBundles.of(this);
    }
}
