package dev.pageframe.ui.notebook;

import dev.pageframe.execution.CompletionResult;
import dev.pageframe.execution.KernelSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Help while typing Java in a cell: a summary card when the mouse rests on a kernel API name, and the
 * completion list (Ctrl+Space) from the notebook's kernel.
 */
final class ApiAssist {
    private final CellEditor editor;
    private final NotebookView notebook;
    // The popups (each a window with a scene) and the list are made when first wanted: made with every editor,
    // they were 2-4 ms (sampled) of the frame in which an editor takes a preview's place.
    private Popup hover;
    private Popup completion;
    private ListView<CompletionResult.Suggestion> suggestions;
    private int anchor;
    private long request;

    ApiAssist(CellEditor editor, NotebookView notebook) {
        this.editor = editor;
        this.notebook = notebook;
    }

    void install() {
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showSummary(e.getCharacterIndex(), e.getScreenPosition()));
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hide(hover));
        editor.addKeyInterceptor(this::keys);
        editor.textProperty().addListener((obs, was, now) -> {
            if (completionShowing()) {
                query();
            }
        });
        editor.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                hide(completion);
                hide(hover);
            }
        });
    }

    private static void hide(Popup popup) {
        if (popup != null) {
            popup.hide();
        }
    }

    private boolean completionShowing() {
        return completion != null && completion.isShowing();
    }

    private Popup hoverPopup() {
        if (hover == null) {
            hover = new Popup();
            hover.setAutoHide(true);
        }
        return hover;
    }

    private Popup completionPopup() {
        if (completion != null) {
            return completion;
        }
        completion = new Popup();
        suggestions = new ListView<>();
        completion.setAutoHide(true);
        completion.setAutoFix(true);
        suggestions.getStyleClass().add("completion-list");
        suggestions.setPrefSize(340, 220);
        suggestions.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(CompletionResult.Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.continuation());
                getStyleClass().remove("matches-type");
                if (!empty && s != null && s.matchesType()) {
                    getStyleClass().add("matches-type");
                }
            }
        });
        suggestions.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                accept();
            }
        });
        VBox box = new VBox(suggestions);
        box.getStyleClass().add("completion-popup");
        box.setId("completion-popup");
        completion.getContent().add(box);
        // Some platforms give the popup the keyboard focus: keys typed there still belong to the editor.
        suggestions.setFocusTraversable(false);
        box.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                keys(e);
            }
            if (!e.isConsumed()) {
                e.consume();
                editor.fireEvent(e.copyFor(editor, editor));
            }
        });
        return completion;
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
            e.consume();
            query();
            return;
        }
        if (!completionShowing()) {
            return;
        }
        switch (e.getCode()) {
            case ESCAPE -> {
                completion.hide();
                e.consume();
            }
            case ENTER, TAB -> {
                if (!e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                    accept();
                    e.consume();
                }
            }
            case UP -> {
                move(-1);
                e.consume();
            }
            case DOWN -> {
                move(1);
                e.consume();
            }
            default -> { }
        }
    }

    private void move(int delta) {
        int n = suggestions.getItems().size();
        if (n == 0) {
            return;
        }
        int i = Math.floorMod(suggestions.getSelectionModel().getSelectedIndex() + delta, n);
        suggestions.getSelectionModel().select(i);
        suggestions.scrollTo(i);
    }

    private void accept() {
        CompletionResult.Suggestion s = suggestions.getSelectionModel().getSelectedItem();
        completion.hide();
        if (s == null) {
            return;
        }
        int caret = editor.getCaretPosition();
        editor.replaceText(Math.min(anchor, caret), caret, s.continuation());
        editor.requestFocus();
    }

    /** Asks the kernel's analysis shell off the FX thread; shows the newest answer only. */
    private void query() {
        String source = editor.getText();
        int caret = editor.getCaretPosition();
        long id = ++request;
        KernelSession session = notebook.document().session();
        CompletableFuture.supplyAsync(() -> session.completions(source, caret), notebook.background())
                .whenComplete((result, error) -> Platform.runLater(() -> {
                    if (id != request || error != null || editor.getScene() == null) {
                        return;
                    }
                    show(result);
                }));
    }

    private void show(CompletionResult result) {
        List<CompletionResult.Suggestion> list = result.suggestions().stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .toList();
        if (list.isEmpty()) {
            hide(completion);
            return;
        }
        Popup completion = completionPopup();
        anchor = result.anchor();
        suggestions.getItems().setAll(list);
        suggestions.getSelectionModel().select(0);
        suggestions.scrollTo(0);
        if (!completion.isShowing()) {
            if (editor.getScene() != null) {
                var box = completion.getContent().getFirst();
                if (box instanceof javafx.scene.Parent p) {
                    p.getStylesheets().setAll(editor.getScene().getStylesheets());
                    p.setStyle(editor.getScene().getRoot().getStyle());
                }
            }
            Optional<Bounds> caret = editor.caretScreenBounds();
            if (caret.isEmpty()) {
                return;
            }
            completion.show(editor, caret.get().getMinX(), caret.get().getMaxY() + 2);
        }
    }

    private void showSummary(int index, Point2D at) {
        String source = editor.getText();
        Optional<String> documented = KernelNames.documentedName(source, JavaSyntax.wordAt(source, index));
        if (documented.isEmpty()) {
            return;
        }
        Optional<String> summary = notebook.services().apiSummary(documented.get());
        if (summary.isEmpty()) {
            return;
        }
        Label name = new Label(documented.get());
        name.getStyleClass().add("api-hover-name");
        Label text = new Label(summary.get());
        text.setWrapText(true);
        text.getStyleClass().add("api-hover-text");
        Label hint = new Label("F1 opens the full page");
        hint.getStyleClass().add("api-hover-hint");
        VBox card = new VBox(name, text, hint);
        card.getStyleClass().add("api-hover");
        card.setMaxWidth(420);
        card.setPrefWidth(420);
        if (editor.getScene() != null) {
            card.getStylesheets().setAll(editor.getScene().getStylesheets());
            card.setStyle(editor.getScene().getRoot().getStyle());
        }
        Popup hover = hoverPopup();
        hover.getContent().setAll(card);
        hover.show(editor, at.getX() + 8, at.getY() + 14);
    }
}
