package dev.pageframe.ui.notebook;

import static dev.pageframe.ui.outputs.FxTest.all;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.fxRun;
import static dev.pageframe.ui.outputs.FxTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The gutter of a code cell, in its editor and its preview. */
@ExtendWith(ApplicationExtension.class)
class LineNumberTest {
    private static final String APP_CSS = "/dev/pageframe/ui/app.css";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    /** Shows {@code nodes} one above the other, 700 px wide, with the app's stylesheet. */
    private void show(Node... nodes) {
        fxRun(() -> {
            VBox root = new VBox(nodes);
            root.setPrefWidth(700);
            Scene scene = new Scene(root, 700, 600);
            scene.getStylesheets().add(LineNumberTest.class.getResource(APP_CSS).toExternalForm());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        settle();
    }

    private static String lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "kfree(p" + i + ");").collect(Collectors.joining("\n"));
    }

    private static List<String> numbers(Node root) {
        return all(root, LineNumber.class).stream().map(LineNumber::text).toList();
    }

    @Test
    void editorNumbersArePaddedToTheLastLineAndFollowItPastTenLines() {
        CellEditor editor = fx(() -> new CellEditor(lines(9), JavaSyntax.forKernel()));
        show(editor);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), numbers(editor));

        fxRun(() -> editor.appendText("\nkfree(p10);"));
        settle();
        List<String> ten = numbers(editor);
        assertEquals(10, ten.size(), "one number per line: " + ten);
        assertEquals(" 1", ten.getFirst(), "the first line is padded to two digits");
        assertEquals("10", ten.getLast());

        fxRun(() -> editor.deleteText(editor.getText().lastIndexOf('\n'), editor.getLength()));
        settle();
        assertEquals("1", numbers(editor).getFirst(), "back to one digit with nine lines");
    }

    @Test
    void theEditorsCodeStartsWhereThePreviewsDoes() {
        // The editor replaces the preview in place: its gutter must be as wide, or the code jumps sideways.
        String source = lines(12);
        SourcePreview preview = fx(() -> new SourcePreview(source, JavaSyntax.forKernel()));
        CellEditor editor = fx(() -> new CellEditor(source, JavaSyntax.forKernel()));
        show(preview, editor);
        assertEquals(List.of(" 1", "12"), List.of(numbers(preview).getFirst(), numbers(preview).getLast()));
        assertEquals(numbers(preview), numbers(editor));
        double previewCode = codeStart(preview);
        double editorCode = codeStart(editor);
        assertTrue(previewCode > 20, "the code is right of the gutter: " + previewCode);
        assertEquals(previewCode, editorCode, 1.0, "where the first line's code starts, preview and editor");
        double previewDigits = digitsStart(preview);
        assertEquals(previewDigits, digitsStart(editor), 1.0, "where the first number starts");
    }

    /** Scene x of the first code text (the editor's and the preview's code are Text nodes of class "text"). */
    private static double codeStart(Node root) {
        Text first = all(root, Text.class, t -> t.getStyleClass().contains("text") && !t.getText().isBlank()).getFirst();
        return fx(() -> first.localToScene(first.getBoundsInLocal()).getMinX());
    }

    private static double digitsStart(Node root) {
        Text first = all(root, Text.class, t -> t.getStyleClass().contains("lineno-digits")).getFirst();
        return fx(() -> first.localToScene(first.getBoundsInLocal()).getMinX());
    }
}
