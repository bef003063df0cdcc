package dev.pageframe.ui.outputs;

import static dev.pageframe.ui.outputs.FxTest.first;
import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.show;
import static dev.pageframe.ui.outputs.FxTest.styled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Output;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StreamAndErrorViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private Node render(Output output, OutputContext ctx) {
        return show(stage, () -> OutputViews.render(output, ctx), 800, 700);
    }

    private static String shownText(Node view) {
        return FxTest.text(styled(view, "output-text-flow"));
    }

    private Node renderScrolled(Output output) {
        return FxTest.showScrolledToBottom(stage, () -> OutputViews.render(output, OutputContext.NONE), 800, 600);
    }

    @Test
    void longStreamIsFoldedWithShowMore(FxRobot robot) {
        Node view = renderScrolled(Samples.longStream(500));
        StreamOutputView stream = (StreamOutputView) view;
        assertTrue(stream.isFolded());
        assertEquals(40, shownText(view).split("\n").length);
        Button more = (Button) styled(view, "output-show-more");
        assertEquals("Show 460 more lines", more.getText());
        robot.clickOn(more);
        FxTest.settle();
        assertFalse(stream.isFolded());
        String all = shownText(view);
        assertEquals(500, all.split("\n").length);
        assertTrue(all.endsWith("tick  499: free=181,537 pages, kswapd asleep"), all.substring(all.length() - 60));
        assertEquals("Show fewer lines", more.getText());
        FxTest.scrollToBottom(stage);
        robot.clickOn(more);
        FxTest.settle();
        assertEquals(40, shownText(view).split("\n").length);
    }

    /** /proc/zoneinfo-like rows, each far wider than a narrow window. */
    private static final String WIDE_TABLE = """
            Node 0, zone      DMA  pages free     3979  min 6  low 9  high 12  spanned 4095  present 3998  managed 3977  protection: (0, 1905, 7862, 7862)
            Node 0, zone    DMA32  pages free   216596  min 1470  low 2110  high 2750  spanned 1044480  present 506768  managed 490383
            Node 0, zone   Normal  pages free    45282  min 2896  low 4993  high 7090  spanned 1572864  present 1572864  managed 1525044
            """;

    @Test
    void aWideProcTableKeepsEachRowOnOneLineAndScrollsSideways(FxRobot robot) {
        Node view = show(stage, () -> OutputViews.render(Output.Stream.stdout(WIDE_TABLE), OutputContext.NONE), 320, 400);
        TextFlow flow = (TextFlow) styled(view, "output-text-flow");
        SideScroller scroller = first(view, SideScroller.class);
        assertTrue(fx(() -> flow.getWidth() > ((javafx.scene.layout.Region) view).getWidth()),
                "the rows are laid out wider than the window, not wrapped to it");
        assertEquals(fx(() -> flow.prefHeight(-1)), fx(flow::getHeight), 0.5, "three rows, three lines");
        assertTrue(fx(scroller::overflows), "a scroll bar shows under the table");
        assertTrue(fx(() -> scroller.getHeight() >= flow.getHeight() + 8), "the bar has room under the rows, not over them");
        assertEquals(0, fx(scroller::scrolled), 0.01);
        robot.moveTo(scroller);
        robot.scroll(3, javafx.geometry.HorizontalDirection.RIGHT);
        FxTest.settle();
        if (fx(scroller::scrolled) == 0) {
            // Some headless robots deliver no sideways wheel; the bar itself must still move the rows.
            fx(() -> {
                scroller.scrollTo(120);
                return null;
            });
        }
        assertTrue(fx(scroller::scrolled) > 0);
        assertEquals(-fx(scroller::scrolled), fx(flow::getTranslateX), 0.01, "the rows move with the bar");
    }

    @Test
    void aTracebackStillWrapsToTheWidth() {
        Node view = show(stage, () -> OutputViews.render(Output.ErrorOutput.of("IllegalStateException", "x".repeat(30),
                List.of("    at " + "veryLongFrameName".repeat(12) + " (cell [1], line 1)")), OutputContext.NONE), 320, 400);
        assertFalse(FxTest.hasStyled(view, "output-side-scroller"), "a traceback's lines wrap, as Jupyter's do");
    }

    @Test
    void shortStreamIsNotFolded() {
        Node view = render(Samples.longStream(44), OutputContext.NONE);
        assertFalse(FxTest.hasStyled(view, "output-show-more"), "hiding four lines behind a button helps nobody");
        assertEquals(44, shownText(view).split("\n").length);
    }

    @Test
    void stderrIsTintedAndAnsiCodesAreStripped() {
        Node view = render(Samples.outputs().get("stderr"), OutputContext.NONE);
        assertTrue(view.getStyleClass().contains("output-stderr"));
        String text = shownText(view);
        assertEquals("WARNING: GFP_ATOMIC allocation failed, order 4, mode 0x820\nhint: fragmentation index for order 4 is 0.92",
                text);
        assertTrue(fx(() -> ((javafx.scene.layout.Region) view).getBackground() != null), "stderr has a tinted background");
    }

    @Test
    void carriageReturnsKeepTheLastStateOfALine() {
        Node view = render(Output.Stream.stdout("compacting 10%\rcompacting 55%\rcompacting 100%\ndone\r\n"),
                OutputContext.NONE);
        assertEquals("compacting 100%\ndone", shownText(view));
    }

    @Test
    void millionCharacterStreamExpandsIntoAVirtualList(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        int lines = 0;
        while (b.length() < 1_000_000) {
            b.append("pfn 0x").append(Integer.toHexString(lines)).append(" freed to the order-0 list of zone Normal\n");
            lines++;
        }
        int total = lines;
        Node view = renderScrolled(Output.Stream.stdout(b.toString()));
        assertTrue(shownText(view).length() < 10_000, "only the preview is laid out");
        robot.clickOn(styled(view, "output-show-more"));
        FxTest.settle();
        ListView<?> list = first(view, ListView.class);
        assertEquals(total, fx(() -> list.getItems().size()));
        assertTrue(fx(list::getHeight) < 700, "the list scrolls instead of growing");
    }

    @Test
    void singleHugeLineIsFoldedByCharacters() {
        Node view = render(Output.Stream.stdout("x".repeat(50_000)), OutputContext.NONE);
        Button more = (Button) styled(view, "output-show-more");
        assertEquals("Show all 50,000 characters", more.getText());
        assertTrue(shownText(view).length() <= FoldedText.PREVIEW_CHARS);
    }

    @Test
    void errorHeaderShowsNameAndValueInTheDangerStyle() {
        Node view = render(Samples.plainError(), OutputContext.NONE);
        ErrorOutputView error = (ErrorOutputView) view;
        assertEquals("ArithmeticException: / by zero", error.header());
        Text name = (Text) styled(view, "output-error-name");
        assertEquals("ArithmeticException", name.getText());
        assertTrue(name.getStyleClass().contains("output-error-text"));
        assertEquals(List.of("    at freeRatio (cell [2], line 3)", "    at (cell [2], line 7)"), error.traceback(),
                "ANSI codes stripped, header line not repeated");
        assertTrue(error.kernelLog().isEmpty());
        assertFalse(FxTest.hasStyled(view, "output-kernel-log"));
    }

    @Test
    void kernelBugReportIsShownAsAKernelLog() {
        Node view = render(Samples.kernelBug(), OutputContext.NONE);
        ErrorOutputView error = (ErrorOutputView) view;
        assertEquals("KernelBugException: kfree of a pointer that was never allocated", error.header());
        assertEquals("BUG: KASAN: invalid-free in kfree+0x0/0x0", error.kernelLog().getFirst());
        assertEquals(7 - 1, error.kernelLog().size());
        Node log = styled(view, "output-kernel-log");
        List<Text> bugs = FxTest.all(log, Text.class, t -> t.getStyleClass().contains("kernel-log-bug"));
        assertEquals(1, bugs.size());
        assertEquals(1, FxTest.all(log, Text.class, t -> t.getStyleClass().contains("kernel-log-warning")).size());
        // The report is not repeated in the traceback.
        String trace = FxTest.text(styled(view, "output-traceback"));
        assertFalse(trace.contains("BUG:"), trace);
        assertTrue(trace.startsWith("    at dev.pageframe.engine.PageAllocator.bug"), trace);
    }

    @Test
    void kernelApiFramesLinkToTheirDocumentation(FxRobot robot) {
        List<String> docs = new ArrayList<>();
        OutputContext ctx = new OutputContext() {
            @Override
            public void openDocs(String apiName) {
                docs.add(apiName);
            }
        };
        Node view = render(Samples.kernelBug(), ctx);
        Hyperlink link = first(view, Hyperlink.class);
        assertEquals("kfree", link.getText());
        assertTrue(link.getParent() instanceof TextFlow);
        robot.clickOn(link);
        FxTest.settle();
        assertEquals(List.of("kfree"), docs);
    }

    @Test
    void longTracebacksFold() {
        List<String> tb = new ArrayList<>();
        tb.add("java.lang.StackOverflowError");
        for (int i = 0; i < 120; i++) {
            tb.add("    at split (cell [4], line " + (i % 3 + 1) + ")");
        }
        Node view = render(Output.ErrorOutput.of("java.lang.StackOverflowError", "", tb), OutputContext.NONE);
        assertEquals("StackOverflowError", ((ErrorOutputView) view).header());
        assertEquals("Show 80 more lines", ((Button) styled(view, "output-show-more")).getText());
    }
}
