package dev.pageframe.ui.app;

import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Does ahead, on a background thread, the part of a change of look that is paid only the first time: the
 * glyph metrics of the UI and code fonts at each zoom step, and parsing the other theme's stylesheet (kept by
 * JavaFX once loaded). Measured, the first zoom in and the first switch to the dark theme each kept the FX
 * thread 10-30 ms longer than the same change made again. Nothing made here is ever shown.
 */
final class LookWarmup {
    private static final String SAMPLE = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~\u2014\u2026\u2019\u00b7\u2192";

    private LookWarmup() {}

    /** @param sizes the base font sizes of the zoom steps, px; @param otherTheme the theme stylesheet not in use */
    static void start(Executor background, double[] sizes, String otherTheme) {
        background.execute(() -> {
            attempt(() -> {
                String system = Font.getDefault().getFamily();
                for (double size : sizes) {
                    for (Font f : new Font[] {Font.font(system, size), Font.font(system, FontWeight.BOLD, size),
                            Font.font("DejaVu Sans Mono", size)}) {
                        Text t = new Text(SAMPLE);
                        t.setFont(f);
                        t.getLayoutBounds();
                    }
                }
            });
            attempt(() -> {
                Scene scene = new Scene(new VBox(new Label("warm-up"), new Button("warm-up"), new TextField("warm-up")));
                scene.setUserAgentStylesheet(otherTheme);
                scene.getRoot().applyCss();
            });
        });
    }

    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start.
        }
    }
}
