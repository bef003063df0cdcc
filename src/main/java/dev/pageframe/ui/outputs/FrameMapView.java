package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.FrameKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameRun;
import dev.pageframe.execution.display.Palette;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.execution.display.VndJson;
import dev.pageframe.execution.display.ZoneSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * {@code application/vnd.pageframe.framemap+json}: who holds which page frames. A legend of kinds
 * with their share of memory, the map drawn on a canvas ({@link FrameMapCanvas}), and a readout
 * that names the frame under the pointer: pfn in hex and decimal, zone, kind, buddy order and
 * owner. The map is grouped into at most {@value FrameCells#MAX_CELLS} cells, so four million
 * frames draw as fast as four thousand; nothing is built until the view is first shown.
 */
public final class FrameMapView extends VBox {

    static final String HINT = "Move the pointer over the map to see a frame's pfn, zone, kind, order and owner.";

    private final FrameMap map;
    private final FrameCells cells;
    private final FrameMapCanvas canvas;
    private final Label readout = new Label(HINT);

    FrameMapView(FrameMap map) {
        this.map = map;
        this.cells = FrameCells.of(map);
        getStyleClass().add("output-framemap");
        setMinWidth(0);

        Label title = new Label(map.title());
        title.getStyleClass().add("output-title");
        title.setWrapText(true);
        if (!map.title().isBlank()) {
            getChildren().add(title);
        }
        getChildren().add(legend());

        canvas = new FrameMapCanvas(map, cells, pfn -> readout.setText(pfn < 0 ? HINT : describe(pfn)));
        getChildren().add(canvas);

        // Too narrow for names beside the map: the zones are listed under it instead.
        Label zones = new Label(String.join("   ", map.zones().stream().map(z -> z.name() + " "
                + FrameMapCanvas.hex(z.startPfn()) + "–" + FrameMapCanvas.hex(z.endPfn() - 1) + " ("
                + Unit.BYTES.format((double) z.frames() * map.pageSize()) + ")").toList()));
        zones.getStyleClass().add("framemap-zone-list");
        zones.setWrapText(true);
        zones.setMinHeight(Region.USE_PREF_SIZE);
        zones.visibleProperty().bind(canvas.zoneLabelsShownProperty().not());
        zones.managedProperty().bind(zones.visibleProperty());
        getChildren().add(zones);

        readout.getStyleClass().add("framemap-readout");
        readout.setWrapText(true);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(readout);

        long total = map.endPfn() - map.firstPfn();
        Label caption = new Label(cellCaption() + " " + String.format(Locale.ROOT, "%,d frames of %s = %s · %,d runs.",
                total, Unit.BYTES.format((double) map.pageSize()), Unit.BYTES.format((double) total * map.pageSize()),
                map.runs().size()));
        caption.getStyleClass().add("output-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(caption);
    }

    static Node render(MimeRequest request) {
        Chart chart = VndJson.read(request.json());
        if (!(chart instanceof FrameMap map)) {
            throw new IllegalArgumentException("not a frame map: " + chart.kind());
        }
        return new Lazy(420, () -> new FrameMapView(map), e -> request.fallback());
    }

    /** The map shown. */
    public FrameMap map() {
        return map;
    }

    /** What the readout says now. */
    public String readoutText() {
        return readout.getText();
    }

    /** Frames per cell: 1 when every frame has its own cell, else a power of two. */
    public long framesPerCell() {
        return cells.framesPerCell;
    }

    /** Number of cells drawn. */
    public int cellCount() {
        return cells.cells;
    }

    FrameMapCanvas canvas() {
        return canvas;
    }

    private String cellCaption() {
        if (cells.framesPerCell == 1) {
            return "Each cell is one frame (" + Unit.BYTES.format((double) map.pageSize()) + ").";
        }
        return String.format(Locale.ROOT, "Each cell groups %,d frames (%s) and takes the colour of the kind holding most of them.",
                cells.framesPerCell, Unit.BYTES.format((double) cells.framesPerCell * map.pageSize()));
    }

    private Node legend() {
        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("framemap-legend");
        long[] byKind = map.framesByKind();
        long total = Math.max(1, map.endPfn() - map.firstPfn());
        for (FrameKind k : FrameKind.values()) {
            long n = byKind[k.ordinal()];
            if (n <= 0) {
                continue;
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll("framemap-swatch", "framemap-swatch-" + k.jsonName());
            if (k != FrameKind.FREE && k != FrameKind.HOLE && k != FrameKind.KERNEL) {
                swatch.setStyle("-fx-background-color: " + Palette.frameKind(k) + ";");
            }
            Label name = new Label(k.label());
            name.getStyleClass().add("framemap-legend-name");
            Label amount = new Label(Unit.BYTES.format((double) n * map.pageSize()) + " · " + percent(n, total));
            amount.getStyleClass().add("framemap-legend-amount");
            HBox item = new HBox(swatch, name, amount);
            item.getStyleClass().add("framemap-legend-item");
            item.setAlignment(Pos.CENTER_LEFT);
            item.getProperties().put("kind", k);
            legend.getChildren().add(item);
        }
        return legend;
    }

    /** The readout for {@code pfn}: "pfn 0x1a2b (6699) · zone Normal · slab · order 0 · owner kmalloc-64 · …". */
    public String describe(long pfn) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "pfn %s (%,d)", FrameMapCanvas.hex(pfn), pfn));
        ZoneSpan zone = zoneAt(pfn);
        parts.add("zone " + (zone == null ? "none" : zone.name()));
        FrameRun run = FrameCells.runAt(map.runs(), pfn);
        if (run == null) {
            parts.add("hole (no frame here)");
        } else {
            parts.add(run.kind().label());
            if (run.order() >= 0) {
                parts.add("order " + run.order() + " (" + Unit.BYTES.format((double) (map.pageSize() << run.order()))
                        + " block)");
            }
            if (!run.owner().isEmpty()) {
                parts.add("owner " + run.owner());
            }
            parts.add(run.count() == 1 ? "a single frame"
                    : String.format(Locale.ROOT, "run %s–%s (%,d frames)", FrameMapCanvas.hex(run.startPfn()),
                            FrameMapCanvas.hex(run.endPfn() - 1), run.count()));
        }
        if (cells.framesPerCell > 1) {
            int c = (int) cells.cellOf(pfn);
            long from = Math.max(cells.firstPfn, cells.cellStart(c));
            long to = Math.min(cells.endPfn, cells.cellStart(c) + cells.framesPerCell);
            long[] byKind = FrameCells.framesByKind(map.runs(), from, to);
            FrameKind top = cells.kind(c);
            parts.add(String.format(Locale.ROOT, "cell %s–%s: %s %s", FrameMapCanvas.hex(from), FrameMapCanvas.hex(to - 1),
                    percent(byKind[top.ordinal()], to - from), top.label()));
        }
        return String.join(" · ", parts);
    }

    private ZoneSpan zoneAt(long pfn) {
        List<ZoneSpan> zones = map.zones();
        int lo = 0;
        int hi = zones.size() - 1;
        ZoneSpan found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ZoneSpan z = zones.get(mid);
            if (z.startPfn() <= pfn) {
                if (pfn < z.endPfn()) {
                    found = z;
                }
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found == null) {
            // Overlapping zones (rare) are not ordered by end; fall back to a scan.
            for (ZoneSpan z : zones) {
                if (z.startPfn() <= pfn && pfn < z.endPfn()) {
                    return z;
                }
            }
        }
        return found;
    }

    static String percent(long part, long whole) {
        if (whole <= 0) {
            return "0%";
        }
        double p = 100.0 * part / whole;
        return (p > 0 && p < 0.1 ? "<0.1" : String.format(Locale.ROOT, p >= 10 ? "%.0f" : "%.1f", p)) + "%";
    }
}
