package dev.pageframe.ui.docs;

import static dev.pageframe.ui.outputs.FxTest.fx;
import static dev.pageframe.ui.outputs.FxTest.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.ui.common.FrameBudget;
import dev.pageframe.ui.common.FrameHog;
import dev.pageframe.ui.outputs.FxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DocsPageFillTest {
    private static final int PARAGRAPHS = 400;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTest.theme();
    }

    private static int blocks(DocsPane pane) {
        return FxTest.all(pane, Parent.class, p -> p.getStyleClass().contains("markdown")).stream()
                .mapToInt(p -> p.getChildrenUnmodifiable().size()).sum();
    }

    @Test
    void aLongPageShowsItsTopAtOnceAndTheRestInLaterFrames(@TempDir Path dir) throws Exception {
        StringBuilder md = new StringBuilder("# A long page\n\n");
        for (int i = 1; i < PARAGRAPHS; i++) {
            md.append("Paragraph ").append(i).append(" about `free_area[order].nr_free` and the *buddy* rule.\n\n");
        }
        Files.writeString(dir.resolve("index.md"), md);
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);

        int atOnce = fx(() -> {
            pane.libraryProperty().set(library);
            return blocks(pane);
        });
        assertTrue(atOnce > 0, "the top of the page is there in the frame it was asked for");
        assertTrue(atOnce < PARAGRAPHS, "a 400-block page is not built in one frame (built " + atOnce + ")");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
        assertEquals(PARAGRAPHS, (int) fx(() -> blocks(pane)));
    }

    @Test
    void finishingThePageBuildsWhatIsLeftAtOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.md"), "# Top\n\n" + "Text of a paragraph.\n\n".repeat(PARAGRAPHS - 1));
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        int all = fx(() -> {
            pane.libraryProperty().set(library);
            pane.finishPage();
            return blocks(pane);
        });
        assertEquals(PARAGRAPHS, all);
        assertTrue(fx(() -> !pane.pageFilling()));
    }

    @Test
    void thePageWaitsWhileOtherDeferredWorkHasUsedUpTheFrame(@TempDir Path dir) throws Exception {
        // Runs before the page's filler in each frame and spends the frame's budget, as building cards would.
        fillsOnlyOnceReleased(dir, new FrameHog(), "no block is added in a frame whose budget is spent");
    }

    @Test
    void thePageFillsOnlyInFramesThatNoOtherDeferredWorkTouched(@TempDir Path dir) throws Exception {
        // A card built in each frame: 2 ms, well inside the frame's budget, but the frame is no longer free.
        fillsOnlyOnceReleased(dir, new FrameHog(2 * FrameBudget.UNTOUCHED_NANOS),
                "no block is added in a frame other work has used");
    }

    /** Shows a long page while {@code hog} runs first in every frame: nothing more comes until it lets go. */
    private void fillsOnlyOnceReleased(Path dir, FrameHog hog, String why) throws Exception {
        Files.writeString(dir.resolve("index.md"), "# Top\n\n" + "Text of a paragraph.\n\n".repeat(PARAGRAPHS - 1));
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        int atOnce = fx(() -> {
            hog.start();
            pane.libraryProperty().set(library);
            return blocks(pane);
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> hog.frames() >= 5));
            assertEquals(atOnce, (int) fx(() -> blocks(pane)), why);

            fxRun(hog::release);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
            assertEquals(PARAGRAPHS, (int) fx(() -> blocks(pane)));
        } finally {
            fxRun(hog::stop);
        }
    }

    @Test
    void theRestOfThePageWaitsWhileTheNotebookBesideItIsBusy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.md"), "# Top\n\n" + "Text of a paragraph.\n\n".repeat(PARAGRAPHS - 1));
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        javafx.animation.AnimationTimer frames = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                seen.incrementAndGet();
            }
        };
        int atOnce = fx(() -> {
            pane.setWaitWhile(busy::get);
            frames.start();
            pane.libraryProperty().set(library);
            return blocks(pane);
        });
        try {
            assertTrue(atOnce > 0, "the top of the page shows at once");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.get() >= 10);
            assertEquals(atOnce, (int) fx(() -> blocks(pane)), "no block is added while the notebook is busy");
            assertTrue(fx(pane::pageFilling));

            busy.set(false);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
            assertEquals(PARAGRAPHS, (int) fx(() -> blocks(pane)));
        } finally {
            fxRun(frames::stop);
        }
    }

    @Test
    void parkedBlocksComeBackInOrderAndTheBlockAtTheTopStaysThere(@TempDir Path dir) throws Exception {
        StringBuilder md = new StringBuilder("# A long page\n\n");
        for (int i = 1; i < 120; i++) {
            md.append("Paragraph ").append(i).append(" about `free_area[order].nr_free` and the *buddy* rule.\n\n");
        }
        Files.writeString(dir.resolve("index.md"), md);
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        fxRun(() -> pane.libraryProperty().set(library));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
        Parent page = fx(() -> (Parent) pane.lookup(".markdown"));
        ScrollPane scroll = fx(() -> (ScrollPane) pane.lookup(".docs-scroll"));
        fxRun(() -> scroll.setVvalue(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> before = fx(() -> List.copyOf(page.getChildrenUnmodifiable()));
        Node viewport = fx(() -> scroll.lookup(".viewport"));
        Node top = fx(() -> before.stream().filter(b -> b.localToScene(b.getLayoutBounds()).getMaxY()
                >= viewport.localToScene(viewport.getLayoutBounds()).getMinY()).findFirst().orElseThrow());

        int stillIn = fx(() -> {
            pane.parkBlocks();
            return (int) page.getChildrenUnmodifiable().stream().filter(before::contains).count();
        });
        assertEquals(0, stillIn, "no block of the page is in the scene the new look restyles");
        assertTrue(fx(pane::blocksParked));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.blocksParked()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> List.copyOf(page.getChildrenUnmodifiable())), "the same blocks, in order");
        double offset = fx(() -> top.localToScene(0, 0).getY() - viewport.localToScene(0, 0).getY());
        assertEquals(0, offset, 1.0, "the block at the top of the view is still there");
    }

    @Test
    void parkingAgainBeforeTheBlocksAreBackLosesNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.md"), "# Index\n\n" + "Text of a paragraph.\n\n".repeat(60));
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        fxRun(() -> pane.libraryProperty().set(library));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
        Parent page = fx(() -> (Parent) pane.lookup(".markdown"));
        List<Node> before = fx(() -> List.copyOf(page.getChildrenUnmodifiable()));
        fxRun(() -> pane.getParent().requestFocus());

        // Two changes of look in quick succession: the second parks while the first's blocks are still out, and
        // after a frame in which some came back.
        fxRun(() -> {
            pane.parkForLook();
            pane.resumeAfterLook();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> page.getChildrenUnmodifiable().stream()
                .anyMatch(before::contains)));
        fxRun(() -> {
            pane.parkForLook();
            pane.parkForLook();
            pane.resumeAfterLook();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.blocksParked() && !pane.inViewParked()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> List.copyOf(page.getChildrenUnmodifiable())), "every block back, in order");
    }

    @Test
    void aShortPageOpenedWhileTheHeaderAndBodyAreParkedStillBringsThemBack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.md"), "# Index\n\n" + "Text of a paragraph.\n\n".repeat(40));
        Files.writeString(dir.resolve("short.md"), "One line.\n");
        DocsLibrary library = DocsLibrary.fromDirectory(dir);
        DocsPane pane = (DocsPane) FxTest.show(stage, DocsPane::new, 500, 700);
        fxRun(() -> pane.libraryProperty().set(library));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !pane.pageFilling()));
        Node body = fx(pane::getCenter);
        // The focus elsewhere (in a notebook, in the app): a search field holding it would keep the body in place.
        fxRun(() -> pane.getParent().requestFocus());

        fxRun(() -> {
            pane.parkForLook();
            assertTrue(pane.inViewParked(), "the header and body left the scene");
            pane.resumeAfterLook();
            // A link followed before the next frame: the whole page is built at once.
            pane.follow("index.md", "short.md");
        });
        assertTrue(fx(() -> !pane.pageFilling()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !pane.inViewParked()));
        assertTrue(fx(pane::getCenter) == body, "the pane's own body is back, not its stand-in");
        assertTrue(fx(() -> pane.lookup(".markdown") != null && pane.lookup(".markdown").getScene() != null));
    }
}
