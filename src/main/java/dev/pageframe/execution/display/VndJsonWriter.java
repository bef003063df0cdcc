package dev.pageframe.execution.display;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes charts as vnd JSON trees; see {@link VndJson} for the shape. */
final class VndJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VndJsonWriter() {}

    static ObjectNode write(Chart chart) {
        ObjectNode root = NODES.objectNode();
        root.put("version", VndJson.VERSION);
        root.put("kind", chart.kind());
        root.put("title", chart.title());
        switch (chart) {
            case LineChart c -> xy(root, c.x(), c.y(), c.series(), c.maxPoints());
            case AreaChart c -> {
                root.put("stacked", c.stacked());
                xy(root, c.x(), c.y(), c.series(), c.maxPoints());
            }
            case BarChart c -> categories(root, c.x(), c.y(), c.categories(), c.series());
            case StackedBarChart c -> categories(root, c.x(), c.y(), c.categories(), c.series());
            case Histogram h -> histogram(root, h);
            case Table t -> table(root, t);
            case FrameMap m -> frameMap(root, m);
            case BuddyInfo b -> buddyInfo(root, b);
            case VmallocMap v -> vmallocMap(root, v);
        }
        return root;
    }

    private static ObjectNode axis(Axis a) {
        ObjectNode n = NODES.objectNode();
        n.put("label", a.label());
        n.put("unit", a.unit().jsonName());
        n.put("scale", a.log() ? "log" : "linear");
        return n;
    }

    private static void xy(ObjectNode root, Axis x, Axis y, List<Series> series, int maxPoints) {
        root.set("x", axis(x));
        root.set("y", axis(y));
        root.put("maxPoints", maxPoints);
        ArrayNode all = root.putArray("series");
        for (Series s : series) {
            ObjectNode n = all.addObject();
            n.put("name", s.name());
            n.put("sourcePoints", s.sourcePoints());
            n.put("downsampling", s.downsampled() ? "lttb" : "none");
            ArrayNode points = n.putArray("points");
            for (int i = 0; i < s.size(); i++) {
                ArrayNode p = points.addArray();
                number(p, s.xAt(i));
                number(p, s.yAt(i));
            }
        }
    }

    private static void categories(ObjectNode root, Axis x, Axis y, List<String> categories, List<CategorySeries> series) {
        root.set("x", axis(x));
        root.set("y", axis(y));
        ArrayNode cats = root.putArray("categories");
        categories.forEach(cats::add);
        ArrayNode all = root.putArray("series");
        for (CategorySeries s : series) {
            ObjectNode n = all.addObject();
            n.put("name", s.name());
            ArrayNode values = n.putArray("values");
            for (int i = 0; i < s.size(); i++) {
                number(values, s.at(i));
            }
        }
    }

    private static void histogram(ObjectNode root, Histogram h) {
        root.set("x", axis(h.x()));
        root.set("y", axis(h.y()));
        root.put("name", h.name());
        root.put("binning", h.binning());
        ArrayNode bins = root.putArray("bins");
        for (int i = 0; i < h.bins(); i++) {
            ObjectNode b = bins.addObject();
            b.set("from", numberNode(h.lowerEdge(i)));
            b.set("to", numberNode(h.upperEdge(i)));
            b.put("count", h.count(i));
        }
        Histogram.Stats s = h.stats();
        ObjectNode stats = root.putObject("stats");
        stats.put("count", s.count());
        stats.set("min", numberNode(s.min()));
        stats.set("max", numberNode(s.max()));
        stats.set("mean", numberNode(s.mean()));
        stats.set("median", numberNode(s.median()));
        stats.set("p99", numberNode(s.p99()));
    }

    private static void table(ObjectNode root, Table t) {
        ArrayNode columns = root.putArray("columns");
        for (Column c : t.columns()) {
            ObjectNode n = columns.addObject();
            n.put("header", c.header());
            n.put("unit", c.unit().jsonName());
        }
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : t.rows()) {
            ArrayNode r = rows.addArray();
            for (Object cell : row) {
                switch (cell) {
                    case null -> r.addNull();
                    case Long l -> r.add(l);
                    case Double d -> r.add(Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode());
                    case Boolean b -> r.add(b);
                    default -> r.add(cell.toString());
                }
            }
        }
    }

    private static void frameMap(ObjectNode root, FrameMap m) {
        root.put("pageSize", m.pageSize());
        root.put("firstPfn", m.firstPfn());
        root.put("endPfn", m.endPfn());
        ArrayNode zones = root.putArray("zones");
        for (ZoneSpan z : m.zones()) {
            ObjectNode n = zones.addObject();
            n.put("name", z.name());
            n.put("startPfn", z.startPfn());
            n.put("endPfn", z.endPfn());
        }
        // Runs are rows of a table rather than objects: a busy map has many thousands of them.
        ArrayNode fields = root.putArray("runFields");
        List.of("startPfn", "count", "kind", "zone", "order", "owner").forEach(fields::add);
        ArrayNode runs = root.putArray("runs");
        for (FrameSpan r : m.runs()) {
            ArrayNode n = runs.addArray();
            n.add(r.startPfn()).add(r.count()).add(r.kind().jsonName()).add(r.zone()).add(r.order()).add(r.owner());
        }
        ObjectNode colours = root.putObject("colors");
        for (FrameMapKind k : FrameMapKind.values()) {
            colours.put(k.jsonName(), Palette.frameKind(k));
        }
    }

    private static void buddyInfo(ObjectNode root, BuddyInfo b) {
        root.put("node", b.node());
        root.put("pageSize", b.pageSize());
        root.put("scale", b.log() ? "log" : "linear");
        ArrayNode zones = root.putArray("zones");
        for (ZoneFreeAreas z : b.zones()) {
            ObjectNode n = zones.addObject();
            n.put("name", z.zone());
            ArrayNode free = n.putArray("nrFree");
            for (long v : z.nrFree()) {
                free.add(v);
            }
            n.put("freePages", z.freePages());
            if (z.watermarks() != null) {
                ObjectNode w = n.putObject("watermarks");
                w.put("min", z.watermarks().min());
                w.put("low", z.watermarks().low());
                w.put("high", z.watermarks().high());
            }
        }
    }

    private static void number(ArrayNode array, double v) {
        array.add(numberNode(v));
    }

    /** Whole numbers are written without ".0" (most chart data are counts); NaN and ±∞ as null. */
    private static com.fasterxml.jackson.databind.JsonNode numberNode(double v) {
        if (!Double.isFinite(v)) {
            return NODES.nullNode();
        }
        boolean negativeZero = Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0);
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53 && !negativeZero) {
            return NODES.numberNode((long) v);
        }
        return NODES.numberNode(v);
    }

    private static void vmallocMap(ObjectNode root, VmallocMap v) {
        // Kernel addresses have the top bit set: as hex text they survive readers that parse numbers as doubles.
        root.put("start", VmallocMapSvg.hexAddress(v.start()));
        root.put("pageSize", v.pageSize());
        ArrayNode pfns = root.putArray("pfns");
        v.pfns().forEach(pfns::add);
    }
}
