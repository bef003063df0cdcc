package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.FrameGrid;
import dev.pageframe.execution.display.FrameMapKind;
import dev.pageframe.execution.display.FrameMap;
import dev.pageframe.execution.display.Palette;
import dev.pageframe.execution.display.ZoneSpan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The frame map itself: a canvas of cells, pfns running left to right and top to bottom, with
 * hex pfn labels down the left, zone boundaries as heavy stepped lines and zone names on the
 * right. It sizes itself to the width it is given (columns are a power of two so rows start at
 * round pfns) and redraws when that width or the theme changes. Hovering reports the pfn under
 * the pointer to a listener; dragging across cells highlights them and, on release, reports that pfn
 * range so the view can zoom into it ({@link #show} then draws only those frames).
 */
final class FrameMapCanvas extends Region {

    static final double LEFT = 76;
    static final double TOP = 18;
    static final double ZONE_LABELS = 190;
    static final double MAX_GRID_HEIGHT = 440;
    static final double MAX_CELL = 22;
    static final double MIN_CELL = 3;
    /** Pointer travel, in px, below which a press and release is a click, not a drag. */
    static final double MIN_DRAG = 4;

    /** Gets the pfn range {@code [from, to)} the reader dragged across. */
    @FunctionalInterface
    interface RangeListener {
        void selected(long from, long to);
    }

    private final FrameMap map;
    private FrameGrid cells;
    private final Canvas canvas = new Canvas();
    private final Rectangle hover = new Rectangle();
    private final Path selection = new Path();
    private final Map<String, Region> probes = new java.util.HashMap<>();
    private final LongConsumer onHover;
    private final RangeListener onRange;
    /** Where a drag started (local x, y), or NaN when the button is up. */
    private double pressX = Double.NaN;
    private double pressY = Double.NaN;

    // Geometry for the current width.
    private double laidOutWidth = -1;
    private int cols;
    private double cell;
    private int rows;
    private double gridLeft = LEFT;
    private double gridTop = TOP;
    private boolean zoneLabels;
    private final javafx.beans.property.BooleanProperty zoneLabelsShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "zoneLabelsShown", true);
    private double[] zoneLabelY = new double[0];

    /**
     * @param onHover gets the pfn under the pointer, or -1 when the pointer leaves the cells
     * @param onRange gets the pfns of the cells dragged across
     */
    FrameMapCanvas(FrameMap map, FrameGrid cells, LongConsumer onHover, RangeListener onRange) {
        this.map = map;
        this.cells = cells;
        this.onHover = onHover;
        this.onRange = onRange;
        getStyleClass().add("framemap-canvas");
        hover.getStyleClass().add("framemap-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        selection.getStyleClass().add("framemap-selection");
        selection.setManaged(false);
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        getChildren().addAll(canvas, selection, hover);
        // Canvas colours follow the theme through these invisible probes' CSS backgrounds.
        for (String name : List.of("text", "muted", "border", "background", "boundary", "free", "hole", "hatch",
                "kernel")) {
            Region probe = new Region();
            probe.getStyleClass().addAll("framemap-probe", "framemap-color-" + name);
            probe.setManaged(false);
            probe.resize(0, 0);
            probe.backgroundProperty().addListener((obs, o, n) -> redraw());
            probes.put(name, probe);
            getChildren().add(probe);
        }
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        setMinWidth(0);
    }

    /** Draws {@code shown} instead: the whole map, or the part of it the view zoomed into. */
    void show(FrameGrid shown) {
        this.cells = shown;
        hover.setVisible(false);
        selection.setVisible(false);
        // Forces new geometry and a redraw at the next layout, even though the width is unchanged.
        laidOutWidth = -1;
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 760;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : computePrefWidth(-1);
        Geometry g = geometry(w);
        return g.height;
    }

    /** Columns, cell size and height for a width. */
    private record Geometry(int cols, double cell, int rows, boolean zoneLabels, double[] zoneLabelY, double height) {}

    private Geometry geometry(double width) {
        boolean labels = width >= 560 && !map.zones().isEmpty();
        double avail = Math.max(32, width - LEFT - (labels ? ZONE_LABELS : 12));
        // The largest square cell any power-of-two row length allows within the width and the height. Each row length
        // may shrink its cells to fit the height: a 16 MiB machine's 4,096 frames in 64 columns of 6 px (384 px tall)
        // beat 128 columns of 3 px, the first row length whose widest cells fit the height.
        int bestCols = -1;
        double bestCell = 0;
        int lastValid = -1;
        double lastCell = 0;
        for (int c = 8; c <= 1024; c <<= 1) {
            double byWidth = Math.min(MAX_CELL, Math.floor(avail / c));
            if (byWidth < MIN_CELL) {
                break;
            }
            lastValid = c;
            lastCell = byWidth;
            int r = (cells.cells() + c - 1) / c;
            double size = Math.min(byWidth, Math.floor(MAX_GRID_HEIGHT / r));
            if (size >= MIN_CELL && size > bestCell) {
                bestCols = c;
                bestCell = size;
            }
        }
        if (bestCols < 0) {
            bestCols = lastValid > 0 ? lastValid : 8;
            bestCell = lastValid > 0 ? lastCell : MIN_CELL;
        }
        int r = (cells.cells() + bestCols - 1) / bestCols;
        double bottom = TOP + r * bestCell;
        double[] ys = new double[map.zones().size()];
        if (labels) {
            double next = TOP;
            for (int i = 0; i < ys.length; i++) {
                if (!isShown(map.zones().get(i))) {
                    ys[i] = Double.NaN;
                    continue;
                }
                long c = Math.max(0, cells.cellOf(map.zones().get(i).startPfn()));
                double rowTop = TOP + (c / bestCols) * bestCell;
                ys[i] = Math.max(rowTop + 10, next + 10);
                next = ys[i] + 22;
                bottom = Math.max(bottom, ys[i] + 16);
            }
        }
        return new Geometry(bestCols, bestCell, r, labels, ys, Math.ceil(bottom + 6));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        if (w != laidOutWidth) {
            laidOutWidth = w;
            Geometry g = geometry(w);
            cols = g.cols;
            cell = g.cell;
            rows = g.rows;
            zoneLabels = g.zoneLabels;
            zoneLabelsShown.set(zoneLabels || map.zones().isEmpty());
            zoneLabelY = g.zoneLabelY;
            canvas.setWidth(Math.floor(w));
            canvas.setHeight(g.height);
            hover.setVisible(false);
            redraw();
        }
    }

    private Paint color(String probe, String fallback) {
        Region r = probes.get(probe);
        Background bg = r.getBackground();
        if (bg != null && !bg.getFills().isEmpty() && bg.getFills().getFirst().getFill() instanceof Color c) {
            return c;
        }
        return Color.web(fallback);
    }

    /** The colour a kind is drawn in: the shared palette, with theme-aware free, hole and kernel colours. */
    Paint kindColor(FrameMapKind kind) {
        return switch (kind) {
            case FREE -> color("free", Palette.frameKind(FrameMapKind.FREE));
            case KERNEL -> color("kernel", Palette.frameKind(FrameMapKind.KERNEL));
            case HOLE -> holePattern();
            default -> Color.web(Palette.frameKind(kind));
        };
    }

    private Paint holePattern() {
        Color bg = (Color) color("hole", Palette.frameKind(FrameMapKind.HOLE));
        Color hatch = (Color) color("hatch", Palette.HOLE_HATCH);
        int size = 6;
        WritableImage img = new WritableImage(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.getPixelWriter().setColor(x, y, (x + y) % size == size - 1 ? hatch : bg);
            }
        }
        return new ImagePattern(img, 0, 0, size, size, false);
    }

    void redraw() {
        if (laidOutWidth <= 0 || cols <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Map<FrameMapKind, Paint> fills = new EnumMap<>(FrameMapKind.class);
        for (FrameMapKind k : FrameMapKind.values()) {
            fills.put(k, kindColor(k));
        }
        // Cells, one rectangle per stretch of one kind within a row.
        for (int r = 0; r < rows; r++) {
            int rowStart = r * cols;
            int rowEnd = Math.min(cells.cells(), rowStart + cols);
            int c = rowStart;
            while (c < rowEnd) {
                byte kind = cells.kindOrdinal(c);
                int start = c;
                while (c < rowEnd && cells.kindOrdinal(c) == kind) {
                    c++;
                }
                g.setFill(fills.get(cells.kind(start)));
                g.fillRect(gridLeft + (start - rowStart) * cell, gridTop + r * cell, (c - start) * cell, cell);
            }
        }
        double gridWidth = cols * cell;
        double gridHeight = rows * cell;
        if (cell >= 6) {
            // Hairlines between cells, in the background colour, so single frames read as cells.
            g.setStroke(color("background", "#ffffff"));
            g.setLineWidth(1);
            for (int c = 1; c < cols; c++) {
                double x = Math.round(gridLeft + c * cell) + 0.5 - 1;
                g.strokeLine(x, gridTop, x, gridTop + gridHeight);
            }
            for (int r = 1; r < rows; r++) {
                double y = Math.round(gridTop + r * cell) + 0.5 - 1;
                g.strokeLine(gridLeft, y, gridLeft + gridWidth, y);
            }
        }
        g.setStroke(color("border", "#8c8c8c"));
        g.setLineWidth(1);
        g.strokeRect(gridLeft - 0.5, gridTop - 0.5, gridWidth + 1, gridHeight + 1);

        // Row labels: the first pfn of a row, often enough to read, never crowded.
        Font mono = Font.font("Monospaced", 10);
        g.setFont(mono);
        g.setFill(color("muted", Palette.MUTED_TEXT));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int every = 1;
        while (every * cell < 15) {
            every <<= 1;
        }
        for (int r = 0; r < rows; r += every) {
            long pfn = cells.basePfn() + (long) r * cols * cells.framesPerCell();
            g.fillText(hex(pfn), gridLeft - 8, gridTop + r * cell + Math.min(cell, 15) / 2);
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("pfn", gridLeft - 8, gridTop - 3);

        drawZones(g, gridWidth);
    }

    private void drawZones(GraphicsContext g, double gridWidth) {
        Paint boundary = color("boundary", Palette.ZONE_BOUNDARY);
        Paint text = color("text", Palette.TEXT);
        Paint muted = color("muted", Palette.MUTED_TEXT);
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
        Font small = Font.font(Font.getDefault().getFamily(), 10.5);
        double labelX = gridLeft + gridWidth + 18;
        List<ZoneSpan> zones = map.zones();
        for (int i = 0; i < zones.size(); i++) {
            ZoneSpan z = zones.get(i);
            if (!isShown(z)) {
                continue;
            }
            // A zone that starts before a zoomed range is named at the top, without a boundary.
            long c = Math.max(0, cells.cellOf(z.startPfn()));
            int row = (int) (c / cols);
            int col = (int) (c % cols);
            double rowTop = gridTop + row * cell;
            g.setStroke(boundary);
            g.setLineWidth(2);
            if (c > 0) {
                g.beginPath();
                if (col == 0) {
                    g.moveTo(gridLeft, rowTop);
                    g.lineTo(gridLeft + gridWidth, rowTop);
                } else {
                    // Under the cells before the boundary, up at it, over the cells after it.
                    g.moveTo(gridLeft, rowTop + cell);
                    g.lineTo(gridLeft + col * cell, rowTop + cell);
                    g.lineTo(gridLeft + col * cell, rowTop);
                    if (row > 0) {
                        g.lineTo(gridLeft + gridWidth, rowTop);
                    }
                }
                g.stroke();
            }
            if (!zoneLabels) {
                continue;
            }
            double y = zoneLabelY[i];
            g.setLineWidth(1);
            g.strokeLine(gridLeft + gridWidth + 3, rowTop + 0.5, labelX - 4, y - 4);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
            g.setFill(text);
            g.setFont(bold);
            g.fillText(z.name(), labelX, y);
            g.setFill(muted);
            g.setFont(small);
            g.fillText(hex(z.startPfn()) + "–" + hex(z.endPfn() - 1) + " · "
                    + dev.pageframe.execution.display.Unit.BYTES.format((double) z.frames() * map.pageSize()),
                    labelX, y + 13);
        }
    }

    private boolean isShown(ZoneSpan z) {
        return z.endPfn() > cells.firstPfn() && z.startPfn() < cells.endPfn();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && pfnAt(e.getX(), e.getY()) >= 0) {
            pressX = e.getX();
            pressY = e.getY();
        }
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        int[] range = draggedCells(e.getX(), e.getY());
        outline(range[0], range[1]);
        hover.setVisible(false);
        onHover.accept(-1);
        e.consume();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        boolean moved = Math.hypot(e.getX() - pressX, e.getY() - pressY) >= MIN_DRAG;
        int[] range = draggedCells(e.getX(), e.getY());
        pressX = Double.NaN;
        pressY = Double.NaN;
        selection.setVisible(false);
        if (!moved) {
            return;
        }
        long from = Math.max(cells.firstPfn(), cells.cellStart(range[0]));
        long to = Math.min(cells.endPfn(), cells.cellStart(range[1]) + cells.framesPerCell());
        // One frame is no range to zoom into; a single cell of many frames is.
        if (to - from >= 2) {
            onRange.selected(from, to);
        }
        e.consume();
    }

    /** The first and last cell between the press and {@code (x, y)}, in pfn order. */
    private int[] draggedCells(double x, double y) {
        int a = cellAtClamped(pressX, pressY);
        int b = cellAtClamped(x, y);
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }

    /** The cell under a point, or the nearest one when the pointer has left the grid while dragging. */
    private int cellAtClamped(double x, double y) {
        int col = (int) Math.floor((x - gridLeft) / cell);
        int row = (int) Math.floor((y - gridTop) / cell);
        col = Math.max(0, Math.min(cols - 1, col));
        row = Math.max(0, Math.min(rows - 1, row));
        return (int) Math.min(cells.cells() - 1L, (long) row * cols + col);
    }

    /** Outlines cells {@code c0..c1} as text selection does: the rest of a row, whole rows, the start of a row. */
    private void outline(int c0, int c1) {
        selection.getElements().clear();
        int r0 = c0 / cols;
        int r1 = c1 / cols;
        if (r0 == r1) {
            band(r0, c0 % cols, c1 % cols + 1);
        } else {
            band(r0, c0 % cols, cols);
            for (int r = r0 + 1; r < r1; r++) {
                band(r, 0, cols);
            }
            band(r1, 0, c1 % cols + 1);
        }
        selection.setVisible(true);
    }

    private void band(int row, int fromCol, int toCol) {
        double x0 = gridLeft + fromCol * cell;
        double x1 = gridLeft + toCol * cell;
        double y0 = gridTop + row * cell;
        double y1 = y0 + cell;
        selection.getElements().addAll(new MoveTo(x0, y0), new LineTo(x1, y0), new LineTo(x1, y1), new LineTo(x0, y1),
                new ClosePath());
    }

    private void hoverAt(double x, double y) {
        if (!Double.isNaN(pressX)) {
            return;
        }
        long pfn = pfnAt(x, y);
        if (pfn < 0) {
            hover.setVisible(false);
            onHover.accept(-1);
            return;
        }
        long c = cells.cellOf(pfn);
        int row = (int) (c / cols);
        int col = (int) (c % cols);
        hover.setX(gridLeft + col * cell - 1);
        hover.setY(gridTop + row * cell - 1);
        hover.setWidth(cell + 2);
        hover.setHeight(cell + 2);
        hover.setVisible(true);
        onHover.accept(pfn);
    }

    /** The pfn under a point of this region, or -1 when the point is not over a frame. */
    long pfnAt(double x, double y) {
        if (cols <= 0 || x < gridLeft || y < gridTop) {
            return -1;
        }
        int col = (int) Math.floor((x - gridLeft) / cell);
        int row = (int) Math.floor((y - gridTop) / cell);
        if (col >= cols || row >= rows) {
            return -1;
        }
        long c = (long) row * cols + col;
        if (c >= cells.cells()) {
            return -1;
        }
        double frac = ((x - gridLeft) - col * cell) / cell;
        long sub = Math.min(cells.framesPerCell() - 1, (long) Math.floor(frac * cells.framesPerCell()));
        long pfn = cells.cellStart((int) c) + Math.max(0, sub);
        return pfn < cells.firstPfn() || pfn >= cells.endPfn() ? -1 : pfn;
    }

    /** The centre of {@code pfn}'s place in this region (within its cell when cells group frames). */
    Point2D pointOf(long pfn) {
        long c = cells.cellOf(pfn);
        long sub = pfn - cells.cellStart((int) c);
        double x = gridLeft + (c % cols) * cell + (sub + 0.5) / cells.framesPerCell() * cell;
        double y = gridTop + (c / cols) * cell + cell / 2;
        return new Point2D(x, y);
    }

    /** False when the view is too narrow for zone names beside the map (so they must go elsewhere). */
    javafx.beans.property.ReadOnlyBooleanProperty zoneLabelsShownProperty() {
        return zoneLabelsShown;
    }

    int columns() {
        return cols;
    }

    double cellSize() {
        return cell;
    }

    Canvas canvas() {
        return canvas;
    }

    static String hex(long pfn) {
        return "0x" + Long.toHexString(pfn);
    }
}
