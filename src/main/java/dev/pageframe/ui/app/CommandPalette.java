package dev.pageframe.ui.app;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The command palette (Ctrl+Shift+P): every command of the table with its keys, filtered as you type (every word
 * typed must appear in the label or the menu); Enter runs the selected one, Esc closes.
 */
public final class CommandPalette extends VBox {
    private final TextField query = new TextField();
    private final FilteredList<Command> shown;
    private final ListView<Command> list;
    private final Consumer<Command> run;
    private Node returnFocusTo;

    CommandPalette(List<Command> commands, Consumer<Command> run) {
        this.run = run;
        this.shown = new FilteredList<>(FXCollections.observableArrayList(commands));
        this.list = new ListView<>(shown);
        Label none = new Label("No command matches");
        none.setId("palette-no-match");
        list.setPlaceholder(none);
        getStyleClass().add("command-palette");
        setId("command-palette");
        setMaxWidth(640);
        setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        query.setPromptText("Type a command");
        query.getStyleClass().add("command-palette-query");
        list.getStyleClass().add("command-palette-list");
        list.setPrefHeight(360);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new CommandCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                runSelected();
            }
        });
        query.textProperty().addListener((obs, was, now) -> filter(now));
        query.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        focusWithinProperty().addListener((obs, was, now) -> {
            if (!now && isVisible()) {
                hide(false);
            }
        });
        getChildren().addAll(query, list);
        setVisible(false);
        setManaged(false);
    }

    /** Opens the palette with an empty query, remembering where the focus was. */
    public void show() {
        returnFocusTo = getScene() == null ? null : getScene().getFocusOwner();
        query.clear();
        filter("");
        setManaged(true);
        setVisible(true);
        query.requestFocus();
    }

    /** The commands the query leaves, in table order. */
    public List<Command> shownCommands() {
        return List.copyOf(shown);
    }

    public TextField queryField() {
        return query;
    }

    private void filter(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        shown.setPredicate(c -> {
            String hay = (c.label() + " " + (c.menu() == null ? "" : c.menu()) + " " + c.allKeysText())
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        });
        list.getSelectionModel().selectFirst();
        list.scrollTo(0);
    }

    private void keys(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> hide(true);
            case ENTER -> runSelected();
            case DOWN -> move(+1);
            case UP -> move(-1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int delta) {
        int i = Math.max(0, Math.min(shown.size() - 1, list.getSelectionModel().getSelectedIndex() + delta));
        list.getSelectionModel().select(i);
        list.scrollTo(i);
    }

    private void runSelected() {
        Command c = list.getSelectionModel().getSelectedItem();
        hide(true);
        if (c != null) {
            run.accept(c);
        }
    }

    private void hide(boolean refocus) {
        setVisible(false);
        setManaged(false);
        Node back = returnFocusTo;
        returnFocusTo = null;
        if (refocus && back != null && back.getScene() != null) {
            back.requestFocus();
        }
    }

    /** A command's label on the left, its keys on the right. */
    private static final class CommandCell extends ListCell<Command> {
        private final Label label = new Label();
        private final Label where = new Label();
        private final Label keys = new Label();
        private final HBox box;

        CommandCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            where.getStyleClass().add("command-palette-menu");
            keys.getStyleClass().add("command-palette-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(8, label, where, gap, keys);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Command c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            label.setText(c.label());
            where.setText(c.menu() == null ? "" : c.menu().replace("/", " \u203a "));
            keys.setText(c.allKeysText());
            setGraphic(box);
        }
    }
}
