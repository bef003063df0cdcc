package dev.pageframe.ui.app;

import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.notebook.FindQuery;
import dev.pageframe.ui.notebook.NotebookFind;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Find (Ctrl+F) and find/replace (Ctrl+H) across the cells of the notebook on show: the match count, next and
 * previous (Enter, Shift+Enter), case, whole-word and regular-expression options; Esc closes it and takes the
 * marks away.
 */
public final class FindBar extends VBox {
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final ToggleButton matchCase = option("Aa", "Match case");
    private final ToggleButton wholeWord = option("W", "Whole words only");
    private final ToggleButton regex = option(".*", "Regular expression");
    private final Label count = new Label();
    private final HBox replaceRow;
    private final ObjectProperty<NotebookTab> current;
    private NotebookTab searched;

    FindBar(ObjectProperty<NotebookTab> current) {
        this.current = current;
        getStyleClass().add("find-bar");
        setId("find-bar");
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        find.setPromptText("Find");
        find.setId("find-field");
        find.setPrefColumnCount(18);
        replace.setPromptText("Replace");
        replace.setId("replace-field");
        replace.setPrefColumnCount(18);
        count.getStyleClass().add("find-count");
        count.setId("find-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button previous = button(Icons.ARROW_UP, "Previous match (Shift+Enter)", () -> move(-1));
        Button next = button(Icons.ARROW_DOWN, "Next match (Enter)", () -> move(+1));
        Button close = button(Icons.CLOSE, "Close (Esc)", this::close);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox findRow = new HBox(4, find, matchCase, wholeWord, regex, count, gap, previous, next, close);
        findRow.setAlignment(Pos.CENTER_LEFT);
        Button one = new Button("Replace");
        one.setId("replace-one");
        one.setOnAction(e -> replaceOne());
        Button all = new Button("Replace All");
        all.setId("replace-all");
        all.setOnAction(e -> replaceAll());
        replaceRow = new HBox(4, replace, one, all);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        find.textProperty().addListener((obs, was, now) -> search());
        for (ToggleButton t : new ToggleButton[] {matchCase, wholeWord, regex}) {
            t.selectedProperty().addListener((obs, was, now) -> search());
        }
        find.addEventHandler(KeyEvent.KEY_PRESSED, e -> keys(e, () -> move(e.isShiftDown() ? -1 : +1)));
        replace.addEventHandler(KeyEvent.KEY_PRESSED, e -> keys(e, this::replaceOne));
        current.addListener((obs, was, now) -> {
            if (isVisible()) {
                search();
            }
        });
        show(false, false);
    }

    /** Opens the bar (with the replace row for Ctrl+H), the caret in the find field, and searches. */
    public void open(boolean withReplace) {
        show(true, withReplace);
        find.requestFocus();
        find.selectAll();
        search();
    }

    /** Closes the bar, takes the marks away and gives the focus back to the page. */
    public void close() {
        show(false, false);
        if (searched != null) {
            searched.view().find().clear();
        }
        NotebookTab tab = current.get();
        if (tab != null) {
            tab.view().requestFocus();
        }
        searched = null;
    }

    public TextField findField() {
        return find;
    }

    public TextField replaceField() {
        return replace;
    }

    public ToggleButton matchCaseButton() {
        return matchCase;
    }

    public ToggleButton wholeWordButton() {
        return wholeWord;
    }

    public ToggleButton regexButton() {
        return regex;
    }

    /** What the count says: "2 of 5", "No matches", or what is wrong with the expression. */
    public String countText() {
        return count.getText();
    }

    /** Goes to the next (+1) or previous (-1) match. */
    public void move(int direction) {
        NotebookFind f = find();
        if (f != null) {
            f.move(direction);
        }
    }

    private void show(boolean shown, boolean withReplace) {
        setVisible(shown);
        setManaged(shown);
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
    }

    private void search() {
        if (searched != null && searched != current.get()) {
            searched.view().find().clear();
        }
        searched = current.get();
        NotebookFind f = find();
        if (f == null) {
            count.textProperty().unbind();
            count.setText("");
            return;
        }
        count.textProperty().bind(f.summaryProperty());
        boolean valid = f.search(new FindQuery(find.getText(), matchCase.isSelected(), wholeWord.isSelected(),
                regex.isSelected()));
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !valid);
    }

    private NotebookFind find() {
        NotebookTab tab = current.get();
        return tab == null ? null : tab.view().find();
    }

    private void replaceOne() {
        NotebookFind f = find();
        if (f != null) {
            f.replaceCurrent(replace.getText());
        }
    }

    private void replaceAll() {
        NotebookFind f = find();
        if (f != null) {
            f.replaceAll(replace.getText());
        }
    }

    private void keys(KeyEvent e, Runnable onEnter) {
        if (e.getCode() == KeyCode.ENTER) {
            onEnter.run();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
        }
    }

    private static ToggleButton option(String text, String tip) {
        ToggleButton t = new ToggleButton(text);
        t.getStyleClass().add("find-option");
        t.setTooltip(new Tooltip(tip));
        t.setFocusTraversable(false);
        return t;
    }

    private static Button button(String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.icon(icon));
        b.getStyleClass().addAll("flat", "find-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
