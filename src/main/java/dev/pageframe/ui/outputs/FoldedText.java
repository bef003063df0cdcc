package dev.pageframe.ui.outputs;

import dev.pageframe.ui.common.Popups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Long text shown folded: the first {@value #FOLD_LINES} lines, then a "Show N more lines" button.
 * The rest is only turned into nodes when the reader expands it; past {@value #INLINE_CHARS}
 * characters it goes into a virtualized list, so a million characters of output cost no more
 * than the lines on screen. Printed text keeps its rows whole (a /proc table's row is never
 * wrapped; the text scrolls sideways in a {@link SideScroller}); a traceback's lines wrap.
 */
final class FoldedText extends VBox {

    static final int FOLD_LINES = 40;
    /** Folding hides at least this many lines; hiding two lines behind a button helps nobody. */
    static final int MIN_HIDDEN = 5;
    /** The preview never holds more characters than this, however few lines they make. */
    static final int PREVIEW_CHARS = 8_000;
    /** Expanded text up to this size is shown inline; beyond it, in a scrolling list. */
    static final int INLINE_CHARS = 150_000;
    static final int INLINE_LINES = 3_000;
    /** Lines longer than this are split across rows of the expanded list. */
    static final int LIST_LINE_CHARS = 2_000;

    private final String text;
    private final Function<String, List<Node>> decorator;
    private final String[] textClasses;
    private final int totalLines;
    private final int previewEnd;
    private final TextFlow flow = new TextFlow();
    /** What holds the flow: the flow itself when lines wrap, else a scroller around it. */
    private final Node shown;
    private Button toggle;
    private boolean expanded;

    /**
     * @param text the text, already cleaned of escape codes
     * @param decorator turns one line (without its newline) into nodes, or null for plain text
     * @param textClasses style classes of the text runs
     */
    FoldedText(String text, Function<String, List<Node>> decorator, String... textClasses) {
        this(text, true, decorator, textClasses);
    }

    /**
     * @param wrap true to wrap long lines to the width (prose, tracebacks); false to keep every row on
     *             one line and scroll sideways (printed tables, /proc files)
     */
    FoldedText(String text, boolean wrap, Function<String, List<Node>> decorator, String... textClasses) {
        this.text = stripFinalNewline(text);
        this.decorator = decorator;
        this.textClasses = textClasses;
        getStyleClass().add("output-folded-text");
        setMinWidth(0);
        flow.getStyleClass().add("output-text-flow");
        flow.setMinWidth(0);
        totalLines = lineCount(this.text);
        int end = endOfLine(this.text, FOLD_LINES);
        boolean fold = totalLines - FOLD_LINES >= MIN_HIDDEN || this.text.length() > PREVIEW_CHARS + 2_000;
        previewEnd = fold ? Math.min(end, PREVIEW_CHARS) : this.text.length();
        fill(flow, this.text.substring(0, previewEnd));
        shown = wrap ? flow : new SideScroller(flow);
        getChildren().add(shown);
        if (previewEnd < this.text.length()) {
            toggle = new Button(showMoreLabel());
            toggle.getStyleClass().addAll("output-show-more", "flat", "small");
            toggle.setOnAction(e -> setExpanded(!expanded));
            // A click must not take the keys from the page: Enter or Space would then press it again instead of
            // editing the next cell, and the letters that follow would miss their cell.
            toggle.setFocusTraversable(false);
            HBox bar = new HBox(toggle);
            bar.getStyleClass().add("output-fold-bar");
            getChildren().add(bar);
        }
        Popups.contextMenu(this, () -> {
            MenuItem copy = new MenuItem("Copy output");
            copy.setOnAction(e -> copy(this.text));
            return new ContextMenu(copy);
        });
    }

    /** The whole text, as copied. */
    String text() {
        return text;
    }

    boolean isFolded() {
        return toggle != null && !expanded;
    }

    int hiddenLines() {
        return totalLines - lineCount(text.substring(0, previewEnd));
    }

    void setExpanded(boolean expand) {
        if (toggle == null || expand == expanded) {
            return;
        }
        expanded = expand;
        if (expand) {
            if (text.length() <= INLINE_CHARS && totalLines <= INLINE_LINES) {
                fill(flow, text);
            } else {
                getChildren().set(0, lineList());
            }
            toggle.setText("Show fewer lines");
        } else {
            fill(flow, text.substring(0, previewEnd));
            getChildren().set(0, shown);
            toggle.setText(showMoreLabel());
        }
    }

    private String showMoreLabel() {
        int hidden = hiddenLines();
        if (hidden <= 0) {
            return "Show all " + String.format(Locale.ROOT, "%,d", text.length()) + " characters";
        }
        return "Show " + String.format(Locale.ROOT, "%,d", hidden) + (hidden == 1 ? " more line" : " more lines");
    }

    private void fill(TextFlow target, String shown) {
        List<Node> nodes = new ArrayList<>();
        if (decorator == null) {
            nodes.add(run(shown));
        } else {
            int start = 0;
            while (start <= shown.length()) {
                int nl = shown.indexOf('\n', start);
                int end = nl < 0 ? shown.length() : nl;
                nodes.addAll(decorator.apply(shown.substring(start, end)));
                if (nl < 0) {
                    break;
                }
                nodes.add(run("\n"));
                start = nl + 1;
            }
        }
        target.getChildren().setAll(nodes);
    }

    Text run(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("output-text");
        t.getStyleClass().addAll(textClasses);
        return t;
    }

    private Node lineList() {
        List<String> rows = new ArrayList<>(Math.min(totalLines, 1 << 20));
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            for (int s = start; s < end || s == start; s += LIST_LINE_CHARS) {
                rows.add(text.substring(s, Math.min(end, s + LIST_LINE_CHARS)));
                if (end - s <= LIST_LINE_CHARS) {
                    break;
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        ListView<String> list = new ListView<>(FXCollections.observableList(rows));
        list.getStyleClass().addAll("output-text-list", "dense");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setFixedCellSize(20);
        list.setPrefHeight(Math.min(rows.size(), 30) * 20 + 4);
        list.setMinHeight(list.getPrefHeight());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        list.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                copy(String.join("\n", list.getSelectionModel().getSelectedItems()));
                e.consume();
            }
        });
        return list;
    }

    private static void copy(String s) {
        ClipboardContent content = new ClipboardContent();
        content.putString(s);
        Clipboard.getSystemClipboard().setContent(content);
    }

    static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    static int lineCount(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /** The index just past line {@code lines} (at its newline), or the length when there are fewer. */
    static int endOfLine(String s, int lines) {
        int i = -1;
        for (int l = 0; l < lines; l++) {
            i = s.indexOf('\n', i + 1);
            if (i < 0) {
                return s.length();
            }
        }
        return i;
    }
}
