package dev.pageframe.ui.markdown;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    void stepsAppendOneTopLevelBlockEachAndEndWithWhatRenderGives() {
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
        // Heading, paragraph, list, table, paragraph: the link definition shows nothing and takes no step.
        assertEquals(List.of(0, 1, 2, 3, 4, 5), counts);
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

    private static String texts(javafx.scene.Node root) {
        StringBuilder out = new StringBuilder();
        for (Text t : FxTest.all(root, Text.class)) {
            out.append(t.getText()).append('|');
        }
        return out.toString() + FxTest.all(root, TextFlow.class).size();
    }
}
