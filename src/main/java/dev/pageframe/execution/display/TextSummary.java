package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text/plain form of each chart: what a terminal or a screen reader gets instead of the picture. */
final class TextSummary {

    /** Rows of a table shown in plain text before the rest is summarised; a notebook is not a pager. */
    static final int TABLE_ROWS = 50;
    private static final int HISTOGRAM_ROWS = 24;
    private static final int SPARK_WIDTH = 32;
    private static final int BAR_WIDTH = 30;

    private TextSummary() {}

    static String of(Chart chart) {
        return switch (chart) {
            case LineChart c -> xy(c.title(), "line chart", c.x(), c.y(), c.series(), c.maxPoints());
            case AreaChart c -> xy(c.title(), c.stacked() ? "stacked area chart" : "area chart", c.x(), c.y(),
                    c.series(), c.maxPoints());
            case BarChart c -> bars(c.title(), "bar chart", c.x(), c.y(), c.categories(), c.series(), false);
            case StackedBarChart c -> bars(c.title(), "stacked bar chart", c.x(), c.y(), c.categories(), c.series(), true);
            case Histogram h -> histogram(h);
            case Table t -> table(t);
            case FrameMap m -> frameMap(m);
            case BuddyInfo b -> buddyInfo(b);
            case VmallocMap v -> vmallocMap(v);
        };
    }

    private static String heading(String title, String what) {
        return title.isEmpty() ? capitalised(what) + "\n" : title + " (" + what + ")\n";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String axisName(Axis a) {
        String unit = a.unit() == Unit.NONE ? "" : " (" + a.unit().displayName() + ")";
        return (a.label().isEmpty() ? "(unlabelled)" : a.label()) + unit + (a.log() ? ", log scale" : "");
    }

    static String xy(String title, String what, Axis x, Axis y, List<Series> series, int maxPoints) {
        StringBuilder out = new StringBuilder(heading(title, what));
        out.append("x: ").append(axisName(x)).append(" · y: ").append(axisName(y)).append('\n');
        TextTable t = new TextTable(List.of("series", "trend", "points", "x from", "x to", "min", "max", "last"),
                new boolean[] {false, false, true, true, true, true, true, true});
        for (Series s : series) {
            double[] xr = s.xRange();
            double[] yr = s.yRange();
            double last = Double.NaN;
            for (int i = s.size() - 1; i >= 0 && Double.isNaN(last); i--) {
                last = Double.isFinite(s.yAt(i)) ? s.yAt(i) : Double.NaN;
            }
            t.row(List.of(s.name(), Sparkline.of(s.y(), SPARK_WIDTH), Unit.plain(s.sourcePoints()),
                    x.unit().format(xr[0]), x.unit().format(xr[1]), y.unit().format(yr[0]), y.unit().format(yr[1]),
                    y.unit().format(last)));
        }
        out.append(t.render("  "));
        String note = XySvg.downsamplingNote(series, maxPoints);
        if (!note.isEmpty()) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    static String bars(String title, String what, Axis x, Axis y, List<String> categories, List<CategorySeries> series,
            boolean stacked) {
        StringBuilder out = new StringBuilder(heading(title, what));
        out.append("y: ").append(axisName(y)).append('\n');
        List<String> headers = new ArrayList<>();
        headers.add(x.label().isEmpty() ? "category" : x.label());
        for (CategorySeries s : series) {
            headers.add(s.name().isEmpty() ? "value" : s.name());
        }
        boolean single = series.size() == 1;
        if (stacked) {
            headers.add("total");
        }
        if (single || stacked) {
            headers.add("");
        }
        boolean[] right = new boolean[headers.size()];
        for (int i = 1; i < right.length; i++) {
            right[i] = true;
        }
        if (single || stacked) {
            right[right.length - 1] = false;
        }
        double[] totals = new double[categories.size()];
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            for (CategorySeries s : series) {
                double v = s.at(c);
                if (Double.isFinite(v)) {
                    totals[c] += v;
                    if (!stacked) {
                        max = Math.max(max, v);
                    }
                }
            }
            if (stacked) {
                max = Math.max(max, totals[c]);
            }
        }
        TextTable t = new TextTable(headers, right);
        for (int c = 0; c < categories.size(); c++) {
            List<String> row = new ArrayList<>();
            row.add(categories.get(c));
            for (CategorySeries s : series) {
                row.add(y.unit().format(s.at(c)));
            }
            if (stacked) {
                row.add(y.unit().format(totals[c]));
            }
            if (single || stacked) {
                row.add(Sparkline.bar(stacked ? totals[c] : series.getFirst().at(c), max, BAR_WIDTH));
            }
            t.row(row);
        }
        out.append(t.render("  "));
        return out.toString();
    }

    static String histogram(Histogram h) {
        StringBuilder out = new StringBuilder(heading(h.title(), "histogram" + (h.name().isEmpty() ? "" : " of " + h.name())));
        out.append("x: ").append(axisName(h.x())).append('\n');
        // Adjacent bins are merged for text so that the table stays a screenful.
        int group = (h.bins() + HISTOGRAM_ROWS - 1) / HISTOGRAM_ROWS;
        List<double[]> rows = new ArrayList<>();
        long max = 0;
        for (int i = 0; i < h.bins(); i += group) {
            int last = Math.min(h.bins(), i + group) - 1;
            long count = 0;
            for (int j = i; j <= last; j++) {
                count += h.count(j);
            }
            max = Math.max(max, count);
            rows.add(new double[] {h.lowerEdge(i), h.upperEdge(last), count});
        }
        TextTable t = new TextTable(List.of("from", "to", "count", ""), new boolean[] {true, true, true, false});
        Unit u = h.x().unit();
        for (double[] r : rows) {
            t.row(List.of(u.format(r[0]), u.format(r[1]), Unit.plain(r[2]), Sparkline.bar(r[2], max, BAR_WIDTH)));
        }
        out.append(t.render("  "));
        out.append(HistogramSvg.caption(h)).append('\n');
        return out.toString();
    }

    static String table(Table table) {
        StringBuilder out = new StringBuilder();
        if (!table.title().isEmpty()) {
            out.append(table.title()).append('\n');
        }
        int n = table.columns().size();
        List<String> headers = new ArrayList<>(n);
        boolean[] right = new boolean[n];
        for (int c = 0; c < n; c++) {
            headers.add(table.columns().get(c).header());
            right[c] = table.numeric(c);
        }
        TextTable t = new TextTable(headers, right);
        int shown = Math.min(TABLE_ROWS, table.rows().size());
        for (int r = 0; r < shown; r++) {
            List<String> row = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                row.add(table.text(r, c).replace('\n', ' '));
            }
            t.row(row);
        }
        out.append(t.render(""));
        int rest = table.rows().size() - shown;
        if (rest > 0) {
            out.append("… ").append(Unit.plain(rest)).append(rest == 1 ? " more row" : " more rows").append('\n');
        }
        out.append('(').append(Unit.plain(table.rows().size())).append(table.rows().size() == 1 ? " row" : " rows")
                .append(")\n");
        return out.toString();
    }

    /** One character per kind in the plain-text map; holes are blank so gaps in memory look like gaps. */
    static char letter(FrameMapKind k) {
        return switch (k) {
            case FREE -> '.';
            case PAGE -> 'P';
            case SLAB -> 'S';
            case VMALLOC -> 'V';
            case DMA -> 'D';
            case PAGECACHE -> 'C';
            case ANON -> 'U';
            case RESERVED -> 'R';
            case FIRMWARE -> 'F';
            case KERNEL -> 'K';
            case HOLE -> ' ';
        };
    }

    static String frameMap(FrameMap map) {
        StringBuilder out = new StringBuilder(heading(map.title(), "frame map"));
        long total = map.endPfn() - map.firstPfn();
        long page = map.pageSize();
        out.append(Unit.plain(total)).append(" frames × ").append(Unit.BYTES.format((double) page)).append(" = ")
                .append(Unit.BYTES.format((double) total * page)).append(", ").append(Unit.plain(map.runs().size()))
                .append(" runs\n");
        if (!map.zones().isEmpty()) {
            TextTable zones = new TextTable(List.of("zone", "first pfn", "last pfn", "frames", "size"),
                    new boolean[] {false, true, true, true, true});
            for (ZoneSpan z : map.zones()) {
                zones.row(List.of(z.name(), FrameMapSvg.hex(z.startPfn()), FrameMapSvg.hex(z.endPfn() - 1),
                        Unit.plain(z.frames()), Unit.BYTES.format((double) z.frames() * page)));
            }
            out.append(zones.render("  "));
        }
        long[] byKind = map.framesByKind();
        TextTable kinds = new TextTable(List.of("kind", "key", "frames", "size", "share"),
                new boolean[] {false, false, true, true, true});
        for (FrameMapKind k : FrameMapKind.values()) {
            long f = byKind[k.ordinal()];
            if (f > 0) {
                kinds.row(List.of(k.label(), k == FrameMapKind.HOLE ? "' '" : String.valueOf(letter(k)), Unit.plain(f),
                        Unit.BYTES.format((double) f * page), FrameMapSvg.percent(f, total)));
            }
        }
        out.append(kinds.render("  "));
        FrameGrid grid = FrameGrid.of(map, 512);
        int cols = 64;
        out.append("map, ").append(FrameMapSvg.cellCaption(grid, page).replace("cell", "character")
                .replace("Each", "each")).append('\n');
        for (int r = 0; r * cols < grid.cells(); r++) {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "  %10s |", FrameMapSvg.hex(grid.basePfn() + (long) r * cols * grid.framesPerCell())));
            for (int c = r * cols; c < Math.min(grid.cells(), (r + 1) * cols); c++) {
                line.append(letter(grid.kind(c)));
            }
            // A closing bar keeps holes at the end of a row visible (and the line free of trailing spaces).
            out.append(line).append("|\n");
        }
        return out.toString();
    }

    static String buddyInfo(BuddyInfo info) {
        StringBuilder out = new StringBuilder(heading(info.title(), "buddy info"));
        // The same layout as /proc/buddyinfo, so it can be compared with a real machine's.
        for (ZoneFreeAreas z : info.zones()) {
            out.append(String.format(Locale.ROOT, "Node %d, zone %8s ", info.node(), z.zone()));
            for (int o = 0; o < info.orders(); o++) {
                out.append(String.format(Locale.ROOT, "%6d ", z.nrFree(o)));
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        out.append("orders 0…").append(Math.max(0, info.orders() - 1)).append(": blocks of ")
                .append(BuddyInfoSvg.blockSize(info.pageSize(), 0)).append(" … ")
                .append(BuddyInfoSvg.blockSize(info.pageSize(), Math.max(0, info.orders() - 1))).append('\n');
        for (ZoneFreeAreas z : info.zones()) {
            out.append(BuddyInfoSvg.caption(z, info.pageSize())).append('\n');
        }
        return out.toString();
    }

    /** The title, the caption's numbers, and one line per virtual page: its address and the frame behind it. */
    static String vmallocMap(VmallocMap map) {
        StringBuilder out = new StringBuilder();
        out.append(map.title()).append(" (vmalloc map)\n").append(VmallocMapSvg.caption(map)).append('\n');
        for (int i = 0; i < map.pfns().size(); i++) {
            long pfn = map.pfns().get(i);
            out.append(String.format(Locale.ROOT, "  %18s -> %s%n", VmallocMapSvg.hexAddress(map.start() + i * map.pageSize()),
                    pfn == VmallocMap.UNMAPPED ? "no frame (guard)" : "pfn " + FrameMapSvg.hex(pfn)));
        }
        return out.toString();
    }
}
