package dev.pageframe.ui.app;

import dev.pageframe.ui.common.Focus;
import dev.pageframe.ui.common.FrameBudget;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.common.Popups;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.HeadingInfo;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Markdown headings of the notebook on show, the one whose section is at the top of the view marked as the page
 * scrolls. Clicking a heading scrolls to its cell; the arrow, shown under the
 * pointer and on folded sections, folds the section, hiding the cells under the heading in the notebook.
 */
public final class OutlinePane extends VBox {
    /** One heading; {@code foldable} for the biggest heading of its cell, which folds the section. */
    public record Entry(CellModel cell, int level, String text, boolean foldable) {
        // Written out: a record's own equals and hashCode are linked on first call (ObjectMethods bootstrap,
        // classes spun at run time), which took 10-15 ms of the FX thread in the layout pass that first fills
        // the list, while a just-opened notebook was being scrolled (sampled stalls, BENCHMARKS.md).
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.cell == cell && e.level == level && e.foldable == foldable
                    && java.util.Objects.equals(e.text, text);
        }

        @Override
        public int hashCode() {
            int h = System.identityHashCode(cell) * 31 + level;
            return (h * 31 + java.util.Objects.hashCode(text)) * 31 + (foldable ? 1 : 0);
        }
    }

    private final ListView<Entry> list = new ListView<>();
    private final Label empty = new Label("Headings in Markdown cells appear here.");
    private final Region blank = new Region();
    /** Holds the list's place while it is parked. */
    private final Region standIn = new Region();
    private final ChangeListener<Boolean> changed = (obs, was, now) -> refresh();
    private NotebookDocument document;
    private NotebookView view;
    /** Rows still to come into an outline that was empty, a frame's budget at a time. */
    private final Deque<Entry> pending = new ArrayDeque<>();
    private final AnimationTimer filler = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // Only in frames the notebook's cards left alone, and not while it is still making cards (sampled on
            // cold starts: a row cost 25-35 ms, and in the frames of a scroll down a just-opened notebook it made
            // stalls of 40-45 ms); at least one row each.
            if (!FrameBudget.untouched(now) || (view != null && view.settling())) {
                return;
            }
            do {
                list.getItems().add(pending.poll());
                if (list.getScene() != null) {
                    // Made, styled and sized here, counted in the budget, not in the layout pass after it.
                    list.applyCss();
                    list.layout();
                }
            } while (!pending.isEmpty() && !FrameBudget.spent(now));
            if (pending.isEmpty()) {
                stop();
                followView();
            }
        }
    };

    public OutlinePane() {
        getStyleClass().add("outline-pane");
        setMinWidth(0);
        Label title = new Label("OUTLINE");
        title.getStyleClass().add("pane-title");
        list.getStyleClass().add("outline-list");
        list.setId("outline-list");
        list.setCellFactory(lv -> new EntryCell());
        // Blank until a notebook's outline is known to be empty: the window shows before its notebook's outline is
        // made, and a notebook's first rows come in over a few frames (refresh).
        list.setPlaceholder(blank);
        empty.setWrapText(true);
        empty.getStyleClass().add("outline-empty");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    /**
     * Takes the heading list out of the scene, an empty region of its size standing in, before a change of look
     * restyles everything in the scene; {@link #unpark()} puts it back. Not while the list holds the focus.
     */
    public void park() {
        if (list.getParent() != this || Focus.heldIn(list)) {
            return;
        }
        standIn.setPrefSize(list.getWidth(), list.getHeight());
        VBox.setVgrow(standIn, Priority.ALWAYS);
        getChildren().set(getChildren().indexOf(list), standIn);
    }

    /** Puts the parked list back, styled and measured now, so the frame it comes back in counts its cost. */
    public void unpark() {
        if (standIn.getParent() == this) {
            getChildren().set(getChildren().indexOf(standIn), list);
            list.applyCss();
        }
    }

    /** True while the list is {@linkplain #park() parked}. */
    public boolean parked() {
        return standIn.getParent() == this;
    }

    /** Shows the outline of another notebook (or none). */
    public void show(NotebookDocument doc, NotebookView notebookView) {
        if (document != null) {
            document.headingsChangedProperty().removeListener(changed);
        }
        if (view != null) {
            view.topCellProperty().removeListener(scrolled);
        }
        document = doc;
        view = notebookView;
        if (doc != null) {
            doc.headingsChangedProperty().addListener(changed);
        }
        if (notebookView != null) {
            notebookView.topCellProperty().addListener(scrolled);
        }
        refresh();
    }

    /** Marks the section the notebook's view is in now: after a change of notebook or of headings, not only on scroll. */
    private void followView() {
        if (view != null) {
            follow(view.topCellProperty().get());
        }
    }

    private final ChangeListener<CellModel> scrolled = (obs, was, now) -> follow(now);

    /** Marks the heading of the section at the top of the notebook's view, as the page scrolls. */
    private void follow(CellModel top) {
        if (document == null || top == null) {
            return;
        }
        int at = document.cells().indexOf(top);
        int row = -1;
        List<CellModel> cells = document.cells();
        for (int i = 0, c = 0; i < list.getItems().size() && at >= 0; i++) {
            CellModel headingCell = list.getItems().get(i).cell();
            while (c < cells.size() && cells.get(c) != headingCell) {
                c++;
            }
            if (c > at) {
                break;
            }
            row = i;
        }
        if (row < 0) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedIndex() != row) {
            list.getSelectionModel().select(row);
        }
    }

    /** The heading marked as the one the notebook's view is in, or null. */
    public Entry current() {
        return list.getSelectionModel().getSelectedItem();
    }

    public List<Entry> entries() {
        return List.copyOf(list.getItems());
    }

    private void refresh() {
        List<Entry> entries = new ArrayList<>();
        if (document != null) {
            for (CellModel c : document.cells()) {
                int top = document.headingLevel(c);
                boolean first = true;
                for (HeadingInfo h : document.headings(c)) {
                    boolean foldable = first && h.level() == top;
                    if (foldable) {
                        first = false;
                    }
                    entries.add(new Entry(c, h.level(), h.text(), foldable));
                }
            }
        }
        pending.clear();
        filler.stop();
        list.setPlaceholder(entries.isEmpty() ? empty : blank);
        if (list.getItems().isEmpty() && entries.size() > 1 && list.getScene() != null) {
            // The first rows of an empty list are dear (sampled, opening a notebook: 10-24 ms for the first row,
            // 1-15 ms for each of the next few, 45-60 ms for ten), so they come in over the next frames.
            pending.addAll(entries);
            filler.start();
        } else if (!entries.equals(list.getItems())) {
            list.getItems().setAll(entries);
        } else {
            list.refresh();
        }
        followView();
    }

    /** True while the empty list says the notebook has no headings (rather than staying blank). */
    boolean sayingNoHeadings() {
        return list.getPlaceholder() == empty;
    }

    /** True while rows are still to come into the list. */
    public boolean filling() {
        return !pending.isEmpty();
    }

    private void jump(Entry e) {
        if (view == null) {
            return;
        }
        // A heading inside a folded section: unfold what hides it first.
        document.unfoldTo(e.cell());
        view.select(e.cell());
        view.scrollToCell(e.cell());
        view.requestFocus();
    }

    /** On a row's fold arrow while its section is folded, which keeps the arrow in sight. */
    private static final javafx.css.PseudoClass FOLDED = javafx.css.PseudoClass.getPseudoClass("folded");

    private final class EntryCell extends ListCell<Entry> {
        private final Region indent = new Region();
        private final Button fold = new Button();
        private final Label text = new Label();
        private final HBox box = new HBox(indent, fold, text);
        private final javafx.scene.Node foldedIcon = Icons.icon(Icons.CHEVRON_RIGHT);
        private final javafx.scene.Node openIcon = Icons.icon(Icons.CHEVRON_DOWN);

        EntryCell() {
            getStyleClass().add("outline-cell");
            fold.getStyleClass().addAll("flat", "outline-fold");
            fold.setFocusTraversable(false);
            Popups.tooltip(fold, "Fold or unfold this section in the notebook");
            text.getStyleClass().add("outline-text");
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(0);
            setPrefWidth(0);
            fold.setOnAction(ev -> {
                Entry e = getItem();
                if (e != null) {
                    e.cell().sectionCollapsedProperty().set(!e.cell().sectionCollapsedProperty().get());
                }
            });
            setOnMouseClicked(ev -> {
                if (getItem() != null && !ev.isConsumed()) {
                    jump(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Entry e, boolean isEmpty) {
            super.updateItem(e, isEmpty);
            getStyleClass().removeIf(s -> s.startsWith("outline-level-"));
            if (isEmpty || e == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add("outline-level-" + e.level());
            indent.setMinWidth((e.level() - 1) * 12);
            indent.setPrefWidth((e.level() - 1) * 12);
            boolean folded = e.cell().sectionCollapsedProperty().get();
            fold.setGraphic(folded ? foldedIcon : openIcon);
            fold.pseudoClassStateChanged(FOLDED, folded);
            fold.setVisible(e.foldable());
            text.setText(e.text());
            setGraphic(box);
        }
    }
}
