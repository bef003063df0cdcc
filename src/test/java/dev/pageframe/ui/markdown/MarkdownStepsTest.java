package dev.pageframe.ui.markdown;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.outputs.FxTest;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownStepsTest {
    private static final String PAGE = """
            # Orders

            An order-*n* block is 2^n pages.

            [unused]: https://example.org

            - one
            - two

            | order | pages |
            |---|---|
            | 0 | 1 |

            The end.
            """;

    @Start
    void start(Stage stage) {
        FxTest.theme();
    }

    @Test
    void stepsAppendATopLevelBlockOrATableRowEachAndEndWithWhatRenderGives() {
        List<Integer> counts = fx(() -> {
            MarkdownView.Steps steps = MarkdownView.renderInSteps(PAGE, Map.of(), MarkdownLinks.NONE, null);
            Parent root = (Parent) steps.root();
            List<Integer> seen = new java.util.ArrayList<>();
            seen.add(root.getChildrenUnmodifiable().size());
            while (steps.next()) {
                seen.add(root.getChildrenUnmodifiable().size());
            }
            seen.add(root.getChildrenUnmodifiable().size());
            assertFalse(steps.next(), "nothing is left once next() has said so");
            return seen;
        });
        // Heading, paragraph, list, table (its head, then its row: a step each), paragraph: the link definition
        // shows nothing and takes no step.
        assertEquals(List.of(0, 1, 2, 3, 4, 4, 5), counts);
        int whole = fx(() -> ((Parent) MarkdownView.render(PAGE, Map.of(), MarkdownLinks.NONE)).getChildrenUnmodifiable().size());
        assertEquals(5, whole);
    }

    @Test
    void aStepRendersTheSameTextAsTheWholeRender() {
        String stepped = fx(() -> {
            MarkdownView.Steps steps = MarkdownView.renderInSteps(PAGE, Map.of(), MarkdownLinks.NONE, null);
            while (steps.next()) {
                // all blocks
            }
            return texts(steps.root());
        });
        String whole = fx(() -> texts(MarkdownView.render(PAGE, Map.of(), MarkdownLinks.NONE)));
        assertEquals(whole, stepped);
        assertFalse(whole.isBlank());
    }

    private static final String LONG_TABLE = """
            Before.

            | order | pages | size |
            |---|:---:|---:|
            | 0 | 1 | 4 KiB |
            | 1 | 2 |
            | 2 | 4 | 16 KiB |
            | 3 | 8 | 32 KiB |
            | 4 | 16 | 64 KiB |
            | 5 | 32 |
            | 6 | 64 | 256 KiB |

            After.
            """;

    @Test
    void aLongTableComesInAFewRowsPerStepAndEndsAsTheWholeRenderDrawsIt() {
        List<String> grids = fx(() -> {
            MarkdownView.Steps steps = MarkdownView.renderInSteps(LONG_TABLE, Map.of(), MarkdownLinks.NONE, null);
            Parent root = (Parent) steps.root();
            List<String> seen = new java.util.ArrayList<>();
            while (steps.next()) {
                seen.add(root.getChildrenUnmodifiable().size() + ":" + gridRows(root));
            }
            seen.add(describeGrid(root));
            return seen;
        });
        // The paragraph; the table with its head row; then a row a step. The paragraph after it comes in the
        // last step, which says nothing is left.
        assertEquals(List.of("1:0", "2:1", "2:2", "2:3", "2:4", "2:5", "2:6", "2:7", "2:8"),
                grids.subList(0, grids.size() - 1));
        String whole = fx(() -> describeGrid(MarkdownView.render(LONG_TABLE, Map.of(), MarkdownLinks.NONE)));
        assertEquals(whole, grids.getLast());
        // Short rows are padded with empty cells, so every row has its three borders; body rows alternate stripes.
        assertTrue(whole.contains("r2c2 md-table-cell md-td ''"), whole);
        assertTrue(whole.contains("r1c0 md-table-cell md-td md-tr-even '0'"), whole);
        assertTrue(whole.contains("r2c0 md-table-cell md-td '1'"), whole);
        assertEquals(8 * 3, whole.lines().count());
    }

    /** Rows in the page's table so far (0 when it has none yet). */
    private static int gridRows(Parent root) {
        return FxTest.all(root, javafx.scene.layout.GridPane.class).stream()
                .filter(g -> g.getStyleClass().contains("md-table"))
                .mapToInt(g -> g.getChildren().stream().mapToInt(n -> javafx.scene.layout.GridPane.getRowIndex(n) + 1)
                        .max().orElse(0))
                .sum();
    }

    /** Each cell of the page's table as "r1c2 classes 'text'", in grid order, a line each. */
    private static String describeGrid(javafx.scene.Node root) {
        var grid = FxTest.all(root, javafx.scene.layout.GridPane.class).stream()
                .filter(g -> g.getStyleClass().contains("md-table")).findFirst().orElseThrow();
        return grid.getChildren().stream()
                .sorted(java.util.Comparator.comparingInt((javafx.scene.Node n) -> javafx.scene.layout.GridPane.getRowIndex(n))
                        .thenComparingInt(javafx.scene.layout.GridPane::getColumnIndex))
                .map(n -> "r" + javafx.scene.layout.GridPane.getRowIndex(n) + "c" + javafx.scene.layout.GridPane.getColumnIndex(n)
                        + " " + String.join(" ", n.getStyleClass()) + " '" + FxTest.text(n) + "'")
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String texts(javafx.scene.Node root) {
        StringBuilder out = new StringBuilder();
        for (Text t : FxTest.all(root, Text.class)) {
            out.append(t.getText()).append('|');
        }
        return out.toString() + FxTest.all(root, TextFlow.class).size();
    }
}
