package dev.pageframe.execution.display;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads vnd JSON trees back into chart records, permissively: missing fields take defaults. */
final class VndJsonReader {

    private VndJsonReader() {}

    static Chart read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a pageframe chart document is a JSON object");
        }
        String kind = root.path("kind").asText("");
        String title = root.path("title").asText("");
        return switch (kind) {
            case LineChart.KIND -> new LineChart(title, axis(root.path("x")), axis(root.path("y")),
                    series(root.path("series")), root.path("maxPoints").asInt(0));
            case AreaChart.KIND -> new AreaChart(title, axis(root.path("x")), axis(root.path("y")),
                    series(root.path("series")), root.path("stacked").asBoolean(false), root.path("maxPoints").asInt(0));
            case BarChart.KIND -> new BarChart(title, axis(root.path("x")), axis(root.path("y")),
                    strings(root.path("categories")), categorySeries(root.path("series")));
            case StackedBarChart.KIND -> new StackedBarChart(title, axis(root.path("x")), axis(root.path("y")),
                    strings(root.path("categories")), categorySeries(root.path("series")));
            case Histogram.KIND -> histogram(root, title);
            case Table.KIND -> table(root, title);
            case FrameMap.KIND -> frameMap(root, title);
            case BuddyInfo.KIND -> buddyInfo(root, title);
            case VmallocMap.KIND -> vmallocMap(root, title);
            default -> throw new IllegalArgumentException("unknown chart kind: '" + kind + "'");
        };
    }

    private static Axis axis(JsonNode n) {
        return new Axis(n.path("label").asText(""), Unit.fromJson(n.path("unit").asText("none")),
                "log".equals(n.path("scale").asText("linear")));
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText("")));
        return out;
    }

    private static List<Series> series(JsonNode array) {
        List<Series> out = new ArrayList<>();
        for (JsonNode s : array) {
            JsonNode points = s.path("points");
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = number(points.get(i).path(0));
                y[i] = number(points.get(i).path(1));
            }
            out.add(new Series(s.path("name").asText(""), x, y, s.path("sourcePoints").asLong(x.length)));
        }
        return out;
    }

    private static List<CategorySeries> categorySeries(JsonNode array) {
        List<CategorySeries> out = new ArrayList<>();
        for (JsonNode s : array) {
            JsonNode values = s.path("values");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(values.get(i));
            }
            out.add(new CategorySeries(s.path("name").asText(""), v));
        }
        return out;
    }

    private static Histogram histogram(JsonNode root, String title) {
        JsonNode bins = root.path("bins");
        int n = bins.size();
        double[] edges = new double[n + 1];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            edges[i] = number(bins.get(i).path("from"));
            edges[i + 1] = number(bins.get(i).path("to"));
            counts[i] = bins.get(i).path("count").asLong(0);
        }
        if (n == 0) {
            edges = new double[] {0, 1};
            counts = new long[] {0};
        }
        JsonNode s = root.path("stats");
        Histogram.Stats stats = s.isObject()
                ? new Histogram.Stats(s.path("count").asLong(0), number(s.path("min")), number(s.path("max")),
                        number(s.path("mean")), number(s.path("median")), number(s.path("p99")))
                : null;
        return new Histogram(title, axis(root.path("x")), axis(root.path("y")), root.path("name").asText(""), edges,
                counts, root.path("binning").asText(""), stats);
    }

    private static Table table(JsonNode root, String title) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : root.path("columns")) {
            columns.add(new Column(c.path("header").asText(""), Unit.fromJson(c.path("unit").asText("none"))));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : root.path("rows")) {
            List<Object> row = new ArrayList<>();
            for (JsonNode cell : r) {
                row.add(cell(cell));
            }
            rows.add(row);
        }
        return new Table(title, columns, rows);
    }

    private static Object cell(JsonNode cell) {
        if (cell.isNull() || cell.isMissingNode()) {
            return null;
        }
        if (cell.isIntegralNumber()) {
            return cell.canConvertToLong() ? (Object) cell.asLong() : (Object) cell.asDouble();
        }
        if (cell.isNumber()) {
            return cell.asDouble();
        }
        if (cell.isBoolean()) {
            return cell.asBoolean();
        }
        return cell.isTextual() ? cell.asText() : cell.toString();
    }

    private static FrameMap frameMap(JsonNode root, String title) {
        List<ZoneSpan> zones = new ArrayList<>();
        for (JsonNode z : root.path("zones")) {
            zones.add(new ZoneSpan(z.path("name").asText(""), z.path("startPfn").asLong(), z.path("endPfn").asLong()));
        }
        // Field positions come from runFields, so a writer may reorder or add columns.
        List<String> fields = strings(root.path("runFields"));
        if (fields.isEmpty()) {
            fields = List.of("startPfn", "count", "kind", "zone", "order", "owner");
        }
        int start = fields.indexOf("startPfn");
        int count = fields.indexOf("count");
        int kind = fields.indexOf("kind");
        int zone = fields.indexOf("zone");
        int order = fields.indexOf("order");
        int owner = fields.indexOf("owner");
        List<FrameSpan> runs = new ArrayList<>();
        for (JsonNode r : root.path("runs")) {
            runs.add(new FrameSpan(r.path(start).asLong(), r.path(count).asLong(),
                    FrameMapKind.fromJson(r.path(kind).asText("")), r.path(zone).asText(""),
                    order < 0 ? -1 : r.path(order).asInt(-1), owner < 0 ? "" : r.path(owner).asText("")));
        }
        return new FrameMap(title, root.path("pageSize").asLong(4096), zones, runs);
    }

    private static BuddyInfo buddyInfo(JsonNode root, String title) {
        List<ZoneFreeAreas> zones = new ArrayList<>();
        for (JsonNode z : root.path("zones")) {
            JsonNode free = z.path("nrFree");
            long[] nrFree = new long[free.size()];
            for (int i = 0; i < nrFree.length; i++) {
                nrFree[i] = free.get(i).asLong(0);
            }
            JsonNode w = z.path("watermarks");
            ZoneWatermarks marks = w.isObject()
                    ? new ZoneWatermarks(w.path("min").asLong(), w.path("low").asLong(), w.path("high").asLong())
                    : null;
            zones.add(new ZoneFreeAreas(z.path("name").asText(""), nrFree, z.path("freePages").asLong(-1), marks));
        }
        return new BuddyInfo(title, root.path("node").asInt(0), root.path("pageSize").asLong(4096), zones,
                "log".equals(root.path("scale").asText("linear")));
    }

    private static VmallocMap vmallocMap(JsonNode root, String title) {
        String start = root.path("start").asText("0x0");
        long address = Long.parseUnsignedLong(start.startsWith("0x") ? start.substring(2) : start, 16);
        java.util.List<Long> pfns = new java.util.ArrayList<>();
        root.path("pfns").forEach(p -> pfns.add(p.asLong()));
        return new VmallocMap(title, address, root.path("pageSize").asLong(4096), pfns);
    }
}
