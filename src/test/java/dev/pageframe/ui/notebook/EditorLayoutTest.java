package dev.pageframe.ui.notebook;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How a code cell's editor is first laid out when it replaces the preview. */
@ExtendWith(ApplicationExtension.class)
class EditorLayoutTest {
    private static final int LINES = 15;
    private static final double WIDTH = 600;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    /**
     * Puts a new editor of {@link #LINES} lines into a shown scene, styled, and runs {@code firstLayout} on it in
     * the same FX task (a pulse in between would lay it out first); returns how many line boxes that made.
     */
    private int lineBoxesMadeBy(java.util.function.Consumer<CellEditor> firstLayout, CellEditor[] out) {
        String source = IntStream.rangeClosed(1, LINES).mapToObj(i -> "kfree(p" + i + ");").collect(Collectors.joining("\n"));
        VBox box = fx(() -> {
            VBox b = new VBox();
            Scene scene = new Scene(b, 700, 600);
            scene.getStylesheets().add(EditorLayoutTest.class.getResource("/dev/pageframe/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return b;
        });
        settle();
        AtomicInteger lineBoxes = new AtomicInteger();
        return fx(() -> {
            CellEditor editor = new CellEditor(source, JavaSyntax.forKernel());
            // The gutter's factory is asked once for each line box the area makes.
            IntFunction<? extends Node> numbers = editor.getParagraphGraphicFactory();
            editor.setParagraphGraphicFactory(i -> {
                lineBoxes.incrementAndGet();
                return numbers.apply(i);
            });
            box.getChildren().add(editor);
            box.applyCss();
            lineBoxes.set(0);
            firstLayout.accept(editor);
            out[0] = editor;
            return lineBoxes.get();
        });
    }

    @Test
    void aNewEditorMakesEachLineBoxOnce() {
        CellEditor[] editor = new CellEditor[1];
        assertEquals(LINES, lineBoxesMadeBy(e -> CodeCellView.layOutOnce(e, WIDTH), editor), "one box per line");
        double laidOut = fx(editor[0]::getHeight);
        assertEquals(fx(() -> editor[0].prefHeight(WIDTH)), laidOut, 0.5, "as tall as its lines");
        assertTrue(laidOut > LINES * 10, "a line is taller than 10 px: " + laidOut);
    }

    @Test
    void measuredBeforeItsFirstLayoutTheAreaMakesItsLineBoxesTwice() {
        // What layOutOnce avoids; if RichTextFX stops doing this, layOutOnce can go.
        int made = lineBoxesMadeBy(e -> {
            e.resize(WIDTH, 0);
            e.resize(WIDTH, e.prefHeight(WIDTH));
            e.layout();
        }, new CellEditor[1]);
        assertEquals(2 * LINES - 1, made, "all but the first line's box made again");
    }
}
