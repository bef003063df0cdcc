package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.FrameGrid;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.FrameSpan;
import dev.pageframe.execution.display.Palette;
import dev.pageframe.execution.display.Unit;
import dev.pageframe.execution.display.VndJson;
import dev.pageframe.execution.display.ZoneSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * {@code application/vnd.pageframe.framemap+json}: who holds which page frames. A legend of kinds
 * with their share of memory, the map drawn on a canvas ({@link FrameMapCanvas}), and a readout
 * that names the frame under the pointer: pfn in hex and decimal, zone, kind, buddy order and
 * owner. The map is grouped into at most {@value FrameGrid#MAX_CELLS} cells, so four million
 * frames draw as fast as four thousand; nothing is built until the view is first shown. Dragging
 * across the map zooms into those pfns (regrouped, down to a cell per frame); a bar above the map
 * names the range shown, and "Whole memory" (or a double-click) goes back.
 */
public final class FrameMapView extends VBox {

    private static final PseudoClass ZOOMED = PseudoClass.getPseudoClass("zoomed");

    static final String HINT = "Move the pointer over the map to see a frame's pfn, zone, kind, order and owner.";

    static final String ZOOM_HINT = "Drag across the map to zoom into a range of pfns.";

    private final FrameMap map;
    /** The cells drawn: the whole map, or the range zoomed into. */
    private FrameGrid cells;
    private final FrameMapCanvas canvas;
    private final Label readout = new Label(HINT);
    private final Label zoomLabel = new Label(ZOOM_HINT);
    private final Button wholeMemory = new Button("Whole memory");
    private final Label caption = new Label();

    FrameMapView(FrameMap map) {
        this.map = map;
        this.cells = FrameGrid.of(map);
        getStyleClass().add("output-framemap");
        setMinWidth(0);

        Label title = new Label(map.title());
        title.getStyleClass().add("output-title");
        title.setWrapText(true);
        if (!map.title().isBlank()) {
            getChildren().add(title);
        }
        getChildren().add(legend());
        getChildren().add(zoomBar());

        canvas = new FrameMapCanvas(map, cells, pfn -> readout.setText(pfn < 0 ? HINT : describe(pfn)), this::zoomTo);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && isZoomed()) {
                showWholeMemory();
            }
        });
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

        updateCaption();
        caption.getStyleClass().add("output-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(caption);
    }

    private Node zoomBar() {
        zoomLabel.getStyleClass().add("framemap-zoom-label");
        zoomLabel.setWrapText(true);
        zoomLabel.setMinHeight(Region.USE_PREF_SIZE);
        wholeMemory.getStyleClass().addAll("framemap-whole-memory", "small", "flat");
        wholeMemory.setOnAction(e -> showWholeMemory());
        // Hidden, not removed, so the map does not jump when a zoom shows it.
        wholeMemory.setVisible(false);
        HBox bar = new HBox(zoomLabel, wholeMemory);
        bar.getStyleClass().add("framemap-zoom-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(zoomLabel, Priority.ALWAYS);
        zoomLabel.setMaxWidth(Double.MAX_VALUE);
        return bar;
    }

    /** Shows only the frames {@code [from, to)}, clamped to the map; the whole map if that is all of it. */
    void zoomTo(long from, long to) {
        long first = map.firstPfn();
        long end = Math.max(map.endPfn(), first + 1);
        long lo = Math.max(first, Math.min(from, to));
        long hi = Math.min(end, Math.max(from, to));
        if (hi - lo < 1) {
            return;
        }
        cells = lo == first && hi == end ? FrameGrid.of(map) : FrameGrid.of(map, lo, hi, FrameGrid.MAX_CELLS);
        canvas.show(cells);
        boolean zoomed = isZoomed();
        zoomLabel.setText(zoomed ? String.format(Locale.ROOT, "pfn %s–%s of %,d frames (%,d shown, %s)",
                FrameMapCanvas.hex(lo), FrameMapCanvas.hex(hi - 1), end - first, hi - lo,
                Unit.BYTES.format((double) (hi - lo) * map.pageSize())) : ZOOM_HINT);
        zoomLabel.pseudoClassStateChanged(ZOOMED, zoomed);
        wholeMemory.setVisible(zoomed);
        readout.setText(HINT);
        updateCaption();
    }

    /** Back to every frame of the machine. */
    void showWholeMemory() {
        zoomTo(map.firstPfn(), Math.max(map.endPfn(), map.firstPfn() + 1));
    }

    /** True while only a range of the map is shown. */
    boolean isZoomed() {
        return cells.isPartOf(map);
    }

    /** What the bar above the map says: the range shown, or how to zoom. */
    String zoomText() {
        return zoomLabel.getText();
    }

    Button wholeMemoryButton() {
        return wholeMemory;
    }

    private void updateCaption() {
        long total = map.endPfn() - map.firstPfn();
        caption.setText(cellCaption() + " " + String.format(Locale.ROOT, "%,d frames of %s = %s · %,d runs.",
                total, Unit.BYTES.format((double) map.pageSize()), Unit.BYTES.format((double) total * map.pageSize()),
                map.runs().size()));
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
        return cells.framesPerCell();
    }

    /** Number of cells drawn. */
    public int cellCount() {
        return cells.cells();
    }

    FrameMapCanvas canvas() {
        return canvas;
    }

    private String cellCaption() {
        if (cells.framesPerCell() == 1) {
            return "Each cell is one frame (" + Unit.BYTES.format((double) map.pageSize()) + ").";
        }
        return String.format(Locale.ROOT, "Each cell groups %,d frames (%s) and takes the colour of the kind holding most of them.",
                cells.framesPerCell(), Unit.BYTES.format((double) cells.framesPerCell() * map.pageSize()));
    }

    private Node legend() {
        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("framemap-legend");
        long[] byKind = map.framesByKind();
        long total = Math.max(1, map.endPfn() - map.firstPfn());
        for (FrameMapKind k : FrameMapKind.values()) {
            long n = byKind[k.ordinal()];
            if (n <= 0) {
                continue;
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll("framemap-swatch", "framemap-swatch-" + k.jsonName());
            if (k != FrameMapKind.FREE && k != FrameMapKind.HOLE && k != FrameMapKind.KERNEL) {
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
        FrameSpan run = FrameGrid.runAt(map.runs(), pfn);
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
        if (cells.framesPerCell() > 1) {
            int c = (int) cells.cellOf(pfn);
            long from = Math.max(cells.firstPfn(), cells.cellStart(c));
            long to = Math.min(cells.endPfn(), cells.cellStart(c) + cells.framesPerCell());
            long[] byKind = FrameGrid.framesByKind(map.runs(), from, to);
            FrameMapKind top = cells.kind(c);
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
