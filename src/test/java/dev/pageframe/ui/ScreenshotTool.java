package dev.pageframe.ui;

import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.ui.app.NotebookTab;
import dev.pageframe.ui.docs.DocsLibrary;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.RunState;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: drives the app through the tour and writes screenshots, light and dark. Run with
 * {@code -Dpageframe.screenshots=DIR -Dpageframe.screenshots.notebook=notebooks/tour.ipynb
 * -Dpageframe.screenshots.content=content -Dtest=ScreenshotTool}.
 */
@EnabledIfSystemProperty(named = "pageframe.screenshots", matches = ".+")
class ScreenshotTool {
    static {
        System.setProperty("headless.geometry", "1440x900-32");
    }

    @Test
    void takeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("pageframe.screenshots"));
        Files.createDirectories(out);
        UiFixture ui = UiFixture.start();
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
            snap(ui, out.resolve("pageframe-light.png"));
            ui.fxRun(() -> ui.window.darkProperty().set(true));
            settle(ui);
            snap(ui, out.resolve("pageframe-dark.png"));
            ui.fxRun(() -> ui.window.darkProperty().set(false));
        } finally {
            ui.close();
        }
    }

    /** Lets lazy cells build and layout settle: waits until two pulses in a row change nothing. */
    private static void settle(UiFixture ui) {
        for (int i = 0; i < 20; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        }
    }

    private static void snap(UiFixture ui, Path file) throws IOException {
        WritableImage img = ui.fx(() -> ui.stage.getScene().snapshot(null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(bi, "png", file.toFile());
    }
}
