package dev.pageframe.ui.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.HitInfo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A cheap, read-only stand-in for a code cell's editor: the source with line numbers and the same syntax
 * colours (the editor's CSS classes), drawn with plain {@link Text} nodes. Building a RichTextFX editor costs
 * tens of milliseconds of FX-thread time, so a code cell shows this until the user clicks, hovers or edits it.
 * A click reports the character offset under the mouse, so the caret lands where the user clicked.
 */
final class SourcePreview extends VBox {
    private final JavaSyntax syntax;
    private final List<Integer> lineStarts = new ArrayList<>();

    SourcePreview(String text, JavaSyntax syntax) {
        this.syntax = syntax;
        getStyleClass().addAll("cell-editor", "java", "source-preview");
        setText(text);
    }

    /** Shows {@code text}, highlighted. */
    void setText(String text) {
        getChildren().clear();
        lineStarts.clear();
        List<JavaSyntax.Token> tokens = syntax == null ? List.of() : syntax.tokenize(text);
        int t = 0;
        int lineStart = 0;
        int lineNo = 1;
        int digits = LineNumber.width((int) text.chars().filter(c -> c == '\n').count() + 1);
        while (true) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            TextFlow flow = new TextFlow();
            int at = lineStart;
            while (t < tokens.size() && tokens.get(t).end() <= lineStart) {
                t++;
            }
            for (int k = t; k < tokens.size() && tokens.get(k).start() < lineEnd; k++) {
                JavaSyntax.Token tok = tokens.get(k);
                if (tok.kind() == JavaSyntax.Kind.OTHER || tok.kind() == JavaSyntax.Kind.IDENTIFIER) {
                    continue;
                }
                int s = Math.max(tok.start(), lineStart);
                int e = Math.min(tok.end(), lineEnd);
                if (s > at) {
                    flow.getChildren().add(text(text.substring(at, s), null));
                }
                if (e > s) {
                    flow.getChildren().add(text(text.substring(s, e), tok.kind().styleClass()));
                    at = e;
                }
            }
            if (lineEnd > at || flow.getChildren().isEmpty()) {
                // An empty line still needs a Text to be a line tall.
                flow.getChildren().add(text(text.substring(at, lineEnd), null));
            }
            HBox row = new HBox(new LineNumber(lineNo, digits), flow);
            row.getStyleClass().add("preview-line");
            HBox.setHgrow(flow, Priority.ALWAYS);
            flow.setMinWidth(0);
            getChildren().add(row);
            lineStarts.add(lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
            lineNo++;
        }
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add("text");
        if (styleClass != null) {
            t.getStyleClass().add(styleClass);
        }
        return t;
    }

    /** Calls {@code onClick} with the character offset clicked (primary button). */
    void setOnOffsetClicked(IntConsumer onClick) {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                onClick.accept(offsetAt(e.getSceneX(), e.getSceneY()));
            }
        });
    }

    private int offsetAt(double sceneX, double sceneY) {
        int offset = 0;
        for (int i = 0; i < getChildren().size(); i++) {
            HBox row = (HBox) getChildren().get(i);
            Point2D p = row.sceneToLocal(sceneX, sceneY);
            if (p == null) {
                continue;
            }
            if (p.getY() < row.getHeight() || i == getChildren().size() - 1) {
                TextFlow flow = (TextFlow) row.getChildren().get(1);
                Point2D q = flow.sceneToLocal(sceneX, sceneY);
                int length = 0;
                for (var n : flow.getChildren()) {
                    length += ((Text) n).getText().length();
                }
                if (q.getX() < 0) {
                    return lineStarts.get(i);
                }
                HitInfo hit = flow.hitTest(q);
                return lineStarts.get(i) + Math.max(0, Math.min(length, hit.getInsertionIndex()));
            }
        }
        return offset;
    }
}
