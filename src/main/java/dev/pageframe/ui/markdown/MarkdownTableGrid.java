package dev.pageframe.ui.markdown;

import javafx.geometry.HPos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * Builds a GFM table as a grid of wrapped text flows, one row per call of {@link #addRow()}: a long table can
 * then come in over several frames. Rows with missing cells still get their borders.
 */
final class MarkdownTableGrid {
    private final InlineRenderer inlines;
    private final GridPane grid = new GridPane();
    private final HBox holder = new HBox(grid);
    /** The next row to add (the head row first), or null when all are in. */
    private TableRow next;
    /** Body rows so far; the head is grid row 0 and body row {@code i} is grid row {@code i + 1}. */
    private int bodyRows;
    private int columns;

    MarkdownTableGrid(InlineRenderer inlines, TableBlock table) {
        this.inlines = inlines;
        grid.getStyleClass().add("md-table");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        holder.getStyleClass().add("md-table-holder");
        holder.setMinWidth(0);
        next = firstRow(table.getFirstChild());
    }

    /** The node that holds the table; rows added later appear in it. */
    javafx.scene.Node node() {
        return holder;
    }

    /** True once every row is in. */
    boolean complete() {
        return next == null;
    }

    /** Adds the next row of the table; false once every row is in. */
    boolean addRow() {
        TableRow row = next;
        if (row == null) {
            return false;
        }
        next = nextRow(row);
        boolean head = row.getParent() instanceof TableHead;
        int r = head ? 0 : ++bodyRows;
        int col = 0;
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                TextFlow flow = inlines.flow(new CellFlow(), cell, "md-table-cell", head ? "md-th" : "md-td");
                // Its own minimum (CellFlow), not the 0 a paragraph gets.
                flow.setMinWidth(Region.USE_COMPUTED_SIZE);
                flow.setTextAlignment(alignment(cell.getAlignment()));
                addCell(flow, col++, r);
            }
        }
        // A row wider than those before it gives the earlier rows empty cells in its new columns.
        for (int c = columns; c < col; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setFillWidth(true);
            cc.setHalignment(HPos.LEFT);
            grid.getColumnConstraints().add(cc);
            for (int earlier = 0; earlier < r; earlier++) {
                addCell(emptyCell(earlier), c, earlier);
            }
        }
        columns = Math.max(columns, col);
        for (int c = col; c < columns; c++) {
            addCell(emptyCell(r), c, r);
        }
        return next != null;
    }

    private static TextFlow emptyCell(int gridRow) {
        TextFlow empty = new CellFlow();
        empty.getStyleClass().addAll("md-table-cell", gridRow == 0 ? "md-th" : "md-td");
        return empty;
    }

    private void addCell(TextFlow flow, int col, int gridRow) {
        // Body rows are striped from the first: grid rows 1, 3, 5, ...
        if (gridRow > 0 && gridRow % 2 == 1) {
            flow.getStyleClass().add("md-tr-even");
        }
        flow.setMaxWidth(Double.MAX_VALUE);
        flow.setMaxHeight(Double.MAX_VALUE);
        grid.add(flow, col, gridRow);
    }

    /**
     * A table cell, never narrower than the widest piece of it that cannot break, as in a browser: a word ("order"
     * must not break into "ord" and "er" when the table is squeezed), a link short enough to stay whole, a code
     * span. Measured in the cell's own fonts, so it follows the zoom.
     */
    static final class CellFlow extends TextFlow {
        /** Of a longer word only this many characters count: a long URL may break rather than widen its column. */
        private static final int LONGEST_WORD = 24;
        private final Text measure = new Text();

        @Override
        protected double computeMinWidth(double height) {
            double widest = 0;
            for (javafx.scene.Node child : getManagedChildren()) {
                if (child instanceof Text t) {
                    // The words a line each: one text layout gives the widest as its width. A layout per word made
                    // the docs home page's table the longest step of bringing the page back after a zoom.
                    StringBuilder lines = new StringBuilder();
                    for (String word : t.getText().split("\\s+")) {
                        lines.append(word, 0, Math.min(word.length(), LONGEST_WORD)).append('\n');
                    }
                    measure.setFont(t.getFont());
                    measure.setText(lines.toString());
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                } else {
                    // A link or a code span: a control that does not break.
                    widest = Math.max(widest, child.prefWidth(-1));
                }
            }
            return snappedLeftInset() + Math.ceil(widest) + snappedRightInset();
        }
    }

    private static TableRow firstRow(Node section) {
        for (Node s = section; s != null; s = s.getNext()) {
            for (Node r = s.getFirstChild(); r != null; r = r.getNext()) {
                if (r instanceof TableRow row) {
                    return row;
                }
            }
        }
        return null;
    }

    private static TableRow nextRow(TableRow row) {
        for (Node r = row.getNext(); r != null; r = r.getNext()) {
            if (r instanceof TableRow next) {
                return next;
            }
        }
        return firstRow(row.getParent().getNext());
    }

    private static TextAlignment alignment(TableCell.Alignment a) {
        if (a == null) {
            return TextAlignment.LEFT;
        }
        return switch (a) {
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            default -> TextAlignment.LEFT;
        };
    }
}
