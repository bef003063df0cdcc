package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Chart;
import dev.pageframe.execution.display.Table;
import dev.pageframe.execution.display.VndJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A table ({@code application/vnd.pageframe.table+json}, or an HTML {@code <table>}) as a sortable
 * {@link TableView}: numbers right-aligned, written in their column's unit and sorted as numbers;
 * columns as wide as their content; as tall as its rows up to {@value #MAX_HEIGHT} px, then scrolling.
 */
public final class TableOutputView extends VBox {

    static final double ROW_HEIGHT = 28;
    static final double HEADER_HEIGHT = 34;
    static final double MAX_HEIGHT = 420;
    private static final double MAX_COLUMN_WIDTH = 360;
    private static final int MEASURED_ROWS = 300;

    /** The cells of a table, however they were read. */
    private interface Model {
        int rows();

        int columns();

        String header(int c);

        Object raw(int r, int c);

        String text(int r, int c);

        boolean numeric(int c);
    }

    private final TableView<Integer> table;
    private final Model model;
    private final int visibleRows;
    private final boolean scrolls;
    private boolean fitted;

    private TableOutputView(String title, Model model) {
        this.model = model;
        getStyleClass().add("output-table");
        setMinWidth(0);
        if (!title.isBlank()) {
            Label t = new Label(title);
            t.getStyleClass().add("output-title");
            t.setWrapText(true);
            getChildren().add(t);
        }
        table = new TableView<>(FXCollections.observableArrayList(IntStream.range(0, model.rows()).boxed().toList()));
        table.getStyleClass().addAll("output-table-view", "bordered", "striped", "dense");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPlaceholder(new Label("No rows"));
        Text measure = new Text();
        measure.setFont(Font.font(Font.getDefault().getFamily(), 13.5));
        double total = 0;
        for (int c = 0; c < model.columns(); c++) {
            int col = c;
            TableColumn<Integer, Object> column = new TableColumn<>(model.header(c));
            column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(model.raw(f.getValue(), col)));
            boolean numeric = model.numeric(c);
            column.setComparator(TableOutputView::compareCells);
            column.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    Integer row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(row == null ? null : model.text(row, col));
                }
            });
            if (numeric) {
                column.getStyleClass().add("output-numeric-column");
                column.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            double width = width(measure, model.header(c)) + 34;
            for (int r = 0; r < Math.min(model.rows(), MEASURED_ROWS); r++) {
                width = Math.max(width, width(measure, model.text(r, c)) + 26);
            }
            width = Math.min(MAX_COLUMN_WIDTH, Math.ceil(width));
            column.setPrefWidth(width);
            total += width;
            table.getColumns().add(column);
        }
        visibleRows = (int) Math.max(1, Math.min(model.rows(), Math.floor((MAX_HEIGHT - HEADER_HEIGHT) / ROW_HEIGHT)));
        scrolls = model.rows() > visibleRows;
        double height = HEADER_HEIGHT + visibleRows * ROW_HEIGHT + 4;
        table.setPrefHeight(height);
        table.setMaxHeight(height);
        table.setMinHeight(Math.min(height, HEADER_HEIGHT + 3 * ROW_HEIGHT));
        table.setPrefWidth(total + 4 + (scrolls ? 14 : 0));
        table.setMaxWidth(Region.USE_PREF_SIZE);
        table.setMinWidth(0);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        javafx.scene.input.KeyCombination copyKey = new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.C, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copyKey.match(e)) {
                copy(tsv(table.getSelectionModel().getSelectedItems()));
                e.consume();
            }
        });
        javafx.scene.control.MenuItem copySelected = new javafx.scene.control.MenuItem("Copy selected rows");
        copySelected.setOnAction(e -> copy(tsv(table.getSelectionModel().getSelectedItems())));
        javafx.scene.control.MenuItem copyAll = new javafx.scene.control.MenuItem("Copy table");
        copyAll.setOnAction(e -> copy(tsv(table.getItems())));
        table.setContextMenu(new javafx.scene.control.ContextMenu(copySelected, copyAll));
        getChildren().add(table);
        String size = String.format(Locale.ROOT, "%,d %s × %d %s", model.rows(), model.rows() == 1 ? "row" : "rows",
                model.columns(), model.columns() == 1 ? "column" : "columns");
        Label caption = new Label(model.rows() > 1 ? size + " · click a header to sort" : size);
        caption.getStyleClass().add("output-caption");
        getChildren().add(caption);
        setAlignment(Pos.TOP_LEFT);
    }

    /**
     * Once the skin exists the header's real height and the border are known: the table is then
     * sized to show its rows exactly, with no empty band below them or beside the last column.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitted) {
            return;
        }
        Region header = (Region) table.lookup(".column-header-background");
        if (header == null || header.getHeight() <= 0) {
            return;
        }
        fitted = true;
        javafx.geometry.Insets in = table.getInsets();
        double height = in.getTop() + in.getBottom() + header.getHeight() + visibleRows * ROW_HEIGHT;
        double width = in.getLeft() + in.getRight();
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            width += c.getWidth();
        }
        if (scrolls) {
            Node bar = table.lookup(".scroll-bar:vertical");
            width += bar instanceof Region r ? Math.max(r.prefWidth(-1), 10) : 14;
        }
        table.setPrefHeight(Math.ceil(height));
        table.setMaxHeight(Math.ceil(height));
        table.setPrefWidth(Math.ceil(width));
    }

    /** The header and {@code rows} (indices into the table, in the given order) as tab-separated text. */
    String tsv(List<Integer> rows) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < model.columns(); c++) {
            b.append(c == 0 ? "" : "\t").append(model.header(c));
        }
        for (Integer r : rows) {
            b.append('\n');
            for (int c = 0; c < model.columns(); c++) {
                b.append(c == 0 ? "" : "\t").append(model.text(r, c).replace('\t', ' ').replace('\n', ' '));
            }
        }
        return b.toString();
    }

    private static void copy(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** The table view, for tests and for the app's "copy" actions. */
    public TableView<Integer> tableView() {
        return table;
    }

    static Node render(MimeRequest request) {
        Chart chart = VndJson.read(request.json());
        if (!(chart instanceof Table t)) {
            throw new IllegalArgumentException("not a table: " + chart.kind());
        }
        return of(t);
    }

    static TableOutputView of(Table t) {
        boolean[] numeric = new boolean[t.columns().size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = t.numeric(c);
        }
        return new TableOutputView(t.title(), new Model() {
            @Override
            public int rows() {
                return t.rows().size();
            }

            @Override
            public int columns() {
                return t.columns().size();
            }

            @Override
            public String header(int c) {
                // Cells carry their unit ("3.5 MiB", "12 pages"), so the header needs none.
                return t.columns().get(c).header();
            }

            @Override
            public Object raw(int r, int c) {
                return t.cell(r, c);
            }

            @Override
            public String text(int r, int c) {
                return t.text(r, c);
            }

            @Override
            public boolean numeric(int c) {
                return numeric[c];
            }
        });
    }

    /** A table of text cells (from HTML); columns whose cells all read as numbers sort as numbers. */
    static TableOutputView ofText(String title, List<String> headers, List<List<String>> rows) {
        int columns = Math.max(headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        List<String> heads = new ArrayList<>(headers);
        while (heads.size() < columns) {
            heads.add("");
        }
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            boolean any = false;
            boolean all = true;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                if (cell.isBlank()) {
                    continue;
                }
                any = true;
                if (Double.isNaN(parseNumber(cell))) {
                    all = false;
                    break;
                }
            }
            numeric[c] = any && all;
        }
        return new TableOutputView(title, new Model() {
            @Override
            public int rows() {
                return rows.size();
            }

            @Override
            public int columns() {
                return columns;
            }

            @Override
            public String header(int c) {
                return heads.get(c);
            }

            @Override
            public Object raw(int r, int c) {
                String s = text(r, c);
                if (numeric[c] && !s.isBlank()) {
                    return parseNumber(s);
                }
                return s.isEmpty() ? null : s;
            }

            @Override
            public String text(int r, int c) {
                List<String> row = rows.get(r);
                return c < row.size() ? row.get(c) : "";
            }

            @Override
            public boolean numeric(int c) {
                return numeric[c];
            }
        });
    }

    static double parseNumber(String s) {
        String t = s.strip().replace(",", "").replace("\u00a0", "").replace("_", "");
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Empty cells last; numbers by value; text case-insensitively; mixed, numbers first. */
    static int compareCells(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return Comparator.<String>naturalOrder().compare(a.toString().toLowerCase(Locale.ROOT),
                b.toString().toLowerCase(Locale.ROOT));
    }

    private static double width(Text measure, String s) {
        measure.setText(s == null ? "" : s);
        return measure.getLayoutBounds().getWidth();
    }
}
