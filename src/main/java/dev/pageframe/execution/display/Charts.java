package dev.pageframe.execution.display;

/**
 * Where a notebook cell starts a chart. Each method returns a fluent builder:
 *
 * <pre>{@code
 * var bundle = Charts.line("Free pages over time")
 *         .x("tick").y("free", Unit.PAGES)
 *         .series("Normal", ticks, freeNormal)
 *         .series("DMA32", ticks, freeDma32)
 *         .mimeBundle();
 * }</pre>
 *
 * <p>{@code build()} gives the immutable chart record; {@code mimeBundle()} the
 * {@code Map<String,Object>} a notebook output stores; {@link #fromJson} reads a chart back
 * from its vnd JSON.
 */
public final class Charts {

    private Charts() {}

    public static LineChartBuilder line(String title) {
        return new LineChartBuilder(title);
    }

    public static AreaChartBuilder area(String title) {
        return new AreaChartBuilder(title, false);
    }

    /** Areas stacked on each other; the series must share x values. */
    public static AreaChartBuilder stackedArea(String title) {
        return new AreaChartBuilder(title, true);
    }

    public static BarChartBuilder bar(String title) {
        return new BarChartBuilder(title);
    }

    public static StackedBarChartBuilder stacked(String title) {
        return new StackedBarChartBuilder(title);
    }

    public static HistogramBuilder histogram(String title) {
        return new HistogramBuilder(title);
    }

    public static TableBuilder table(String title) {
        return new TableBuilder(title);
    }

    public static FrameMapBuilder frameMap(String title) {
        return new FrameMapBuilder(title);
    }

    public static BuddyInfoBuilder buddyInfo(String title) {
        return new BuddyInfoBuilder(title);
    }

    /** A vmalloc area's pages and the frames its page tables map them to. */
    public static VmallocMapBuilder vmallocMap(String title) {
        return new VmallocMapBuilder(title);
    }

    /** The chart a vnd JSON tree describes (see {@link VndJson}). */
    public static Chart fromJson(com.fasterxml.jackson.databind.JsonNode json) {
        return VndJson.read(json);
    }
}
