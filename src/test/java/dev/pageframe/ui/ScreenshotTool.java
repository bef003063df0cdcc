package dev.pageframe.ui;

import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.ui.app.NotebookTab;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import dev.pageframe.ui.outputs.FxSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: drives the app through the tour and writes screenshots, light and dark. Run with
 * {@code -Dpageframe.screenshots=DIR -Dpageframe.screenshots.notebook=notebooks/tour.ipynb
 * -Dpageframe.screenshots.content=content -Dtest=ScreenshotTool}.
 */
@EnabledIfSystemProperty(named = "pageframe.screenshots", matches = ".+")
class ScreenshotTool {
    @Test
    void takeScreenshots() throws Exception {
        Path out = UiFixture.screenshotFolder();
        UiFixture ui = UiFixture.startForScreenshots();
        try {
            ui.fxRun(() -> ui.stage.setWidth(1440));
            ui.fxRun(() -> ui.stage.setHeight(900));
            String content = System.getProperty("pageframe.screenshots.content");
            if (content != null) {
                DocsLibrary lib = DocsLibrary.fromDirectory(Path.of(content));
                ui.fxRun(() -> ui.window.docs().libraryProperty().set(lib));
            }
            Path source = Path.of(System.getProperty("pageframe.screenshots.notebook", "notebooks/tour.ipynb"));
            Path copy = ui.root.resolve(source.getFileName());
            Files.copy(source, copy);
            boolean trusted = Boolean.parseBoolean(System.getProperty("pageframe.screenshots.trusted", "true"));
            if (trusted) {
                ui.trust.sign(new NotebookFiles().load(copy).notebook());
            }
            NotebookTab tab = ui.open(copy);
            int runUpTo = Integer.getInteger("pageframe.screenshots.runUpTo", 8);
            ui.fxRun(() -> tab.document().run(List.copyOf(tab.document().cells().subList(0, Math.min(runUpTo, tab.document().cells().size())))));
            ui.waitUntil("the cells ran", 120, () -> tab.document().cells().stream().allMatch(c -> c.runState() == RunState.IDLE)
                    && tab.document().kernelState() == dev.pageframe.execution.KernelState.IDLE);
            int showCell = Integer.getInteger("pageframe.screenshots.showCell", 5);
            CellModel target = ui.cell(tab, showCell);
            ui.fxRun(() -> tab.view().select(target));
            ui.fxRun(() -> tab.view().scrollToCell(target));
            String api = System.getProperty("pageframe.screenshots.api", "__get_free_pages");
            ui.fxRun(() -> ui.window.docs().showApi(api));
            settle(ui);
            hoverOver(ui, tab, showCell + 1, System.getProperty("pageframe.screenshots.hover", "__get_free_pages"));
            String prefix = System.getProperty("pageframe.screenshots.name", "pageframe");
            snap(ui, out.resolve(prefix + "-light.png"));
            ui.fxRun(() -> ui.window.darkProperty().set(true));
            settle(ui);
            hoverOver(ui, tab, showCell + 1, System.getProperty("pageframe.screenshots.hover", "__get_free_pages"));
            snap(ui, out.resolve(prefix + "-dark.png"));
            ui.fxRun(() -> ui.window.darkProperty().set(false));
        } finally {
            ui.close();
        }
    }

    /** Find with its matches marked, and the command palette filtered, over the tour: find.png and palette.png. */
    @Test
    void findAndPalette() throws Exception {
        Path out = UiFixture.screenshotFolder();
        UiFixture ui = UiFixture.startForScreenshots();
        try {
            ui.fxRun(() -> ui.stage.setWidth(1440));
            ui.fxRun(() -> ui.stage.setHeight(900));
            Path source = Path.of(System.getProperty("pageframe.screenshots.notebook", "notebooks/tour.ipynb"));
            Path copy = ui.root.resolve(source.getFileName());
            Files.copy(source, copy);
            ui.trust.sign(new NotebookFiles().load(copy).notebook());
            NotebookTab tab = ui.open(copy);
            ui.fxRun(() -> tab.view().requestFocus());
            ui.robot.push(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
            ui.robot.write(System.getProperty("pageframe.screenshots.find", "order"));
            ui.robot.push(javafx.scene.input.KeyCode.ENTER);
            settle(ui);
            snap(ui, out.resolve("find.png"));
            ui.robot.push(javafx.scene.input.KeyCode.ESCAPE);
            ui.robot.push(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.P,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN));
            ui.robot.write("run");
            settle(ui);
            snap(ui, out.resolve("palette.png"));
        } finally {
            ui.close();
        }
    }

    /** Rests the mouse on a name in a cell's editor so its summary card shows. */
    private static void hoverOver(UiFixture ui, NotebookTab tab, int cell, String name) {
        var editor = ui.editor(tab, cell);
        if (editor == null) {
            return;
        }
        int at = ui.fx(() -> editor.getText().indexOf(name));
        if (name.isBlank() || at < 0) {
            return;
        }
        ui.robot.moveTo(ui.window.status());
        var b = ui.fx(() -> editor.getCharacterBoundsOnScreen(at + 2, at + 3).orElseThrow());
        ui.robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()));
        ui.waitUntil("the summary shows", () -> ui.robot.lookup(".api-hover").tryQuery().isPresent());
    }

    /** Lets lazy cells and views build and the layout settle: ten quiet rounds of FX events in a row. */
    private static void settle(UiFixture ui) {
        NotebookTab tab = ui.window.current();
        String last = "";
        int quiet = 0;
        for (int round = 0; round < 400 && quiet < 10; round++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
            String now = ui.fx(() -> ui.window.lookCovered() + "/" + tab.view().scrollOffset() + "/" + tab.view().getScene().getRoot().lookupAll("*").size()
                    + "/" + tab.view().lookup(".notebook-page").getLayoutBounds().getHeight());
            quiet = now.equals(last) ? quiet + 1 : 0;
            last = now;
        }
    }

    private static void snap(UiFixture ui, Path file) {
        WritableImage img = ui.fx(() -> ui.stage.getScene().snapshot(null));
        // Popups live in windows of their own; paint them over the main window where they are.
        ui.fxRun(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow p && p.isShowing()) {
                    WritableImage pi = p.getScene().snapshot(null);
                    int dx = (int) (p.getX() + p.getScene().getX() - ui.stage.getX() - ui.stage.getScene().getX());
                    int dy = (int) (p.getY() + p.getScene().getY() - ui.stage.getY() - ui.stage.getScene().getY());
                    for (int y = 0; y < pi.getHeight(); y++) {
                        for (int x = 0; x < pi.getWidth(); x++) {
                            int argb = pi.getPixelReader().getArgb(x, y);
                            int tx = x + dx;
                            int ty = y + dy;
                            if ((argb >>> 24) > 0 && tx >= 0 && ty >= 0 && tx < img.getWidth() && ty < img.getHeight()) {
                                img.getPixelWriter().setArgb(tx, ty, blend(img.getPixelReader().getArgb(tx, ty), argb));
                            }
                        }
                    }
                }
            }
        });
        FxSnapshots.writePng(img, file);
    }

    private static int blend(int under, int over) {
        double a = (over >>> 24) / 255.0;
        int r = (int) (((over >> 16) & 255) * a + ((under >> 16) & 255) * (1 - a));
        int g = (int) (((over >> 8) & 255) * a + ((under >> 8) & 255) * (1 - a));
        int b = (int) ((over & 255) * a + (under & 255) * (1 - a));
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
