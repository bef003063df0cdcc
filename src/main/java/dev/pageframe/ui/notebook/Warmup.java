package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Output;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.markdown.MarkdownView;
import dev.pageframe.ui.outputs.OutputViews;
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
 * Loads and initialises the editor's classes (RichTextFX, ReactFX, Flowless, the kernel names) and those of a
 * code cell's card (the source preview, icons, stream outputs) on a background thread while the window opens,
 * so building the first cells does not stall the FX thread on class loading; and, with {@link #look}, the first
 * change of theme or zoom. Nothing built here is ever shown.
 */
public final class Warmup {
    private static final String GLYPHS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~\u2014\u2026\u2019\u00b7\u2192";

    private Warmup() {}

    public static void start(Executor background) {
        background.execute(() -> {
            JavaSyntax syntax = JavaSyntax.forKernel();
            // Each step on its own: anything that cannot be made off the FX thread is made later, on it.
            attempt(() -> {
                KernelNames.all();
                syntax.tokenize("long buf = __get_free_pages(GFP_KERNEL, 3); // warm-up \"text\" 42");
            });
            attempt(() -> new SourcePreview("long buf = __get_free_pages(GFP_KERNEL, 3);\n// \"warm-up\" 42", syntax));
            attempt(() -> Icons.icon(Icons.PLAY));
            attempt(() -> new javafx.scene.control.ProgressBar());
            attempt(() -> OutputViews.render(Output.Stream.stdout("warm-up\n"), null));
            attempt(() -> MarkdownView.headings("# Warm-up\n\ntext"));
            // Nodes may be made off the FX thread while no shown scene holds them (their popups come later,
            // on the FX thread, when first wanted).
            attempt(() -> MarkdownView.render("## Warm-up\n\nAn *order*-`n` block of **pages**, see [kmalloc](api/kmalloc.md)."
                    + "\n\n- one\n- two\n\n```java\nkfree(p);\n```\n", java.util.Map.of(), null, null));
            attempt(() -> new CellEditor("int warm = 1;\nSystem.out.println(warm);", syntax));
        });
    }

    /**
     * Does ahead the part of a change of look that is paid only the first time: the glyph metrics of the UI and
     * code fonts at each zoom step ({@code sizes}, px) and a first parse and match of {@code otherTheme}, the theme
     * stylesheet not in use. That warms the stylesheet reader and selector code only: an application-wide theme
     * switch parses the theme again each time (3-6 ms, profiled). Measured, the first zoom in and the first switch
     * to the dark theme each kept the FX thread 10-30 ms longer than the same change made again.
     */
    public static void look(Executor background, double[] sizes, String otherTheme) {
        background.execute(() -> {
            attempt(() -> {
                String system = Font.getDefault().getFamily();
                for (double size : sizes) {
                    for (Font f : new Font[] {Font.font(system, size), Font.font(system, FontWeight.BOLD, size),
                            Font.font("DejaVu Sans Mono", size)}) {
                        Text t = new Text(GLYPHS);
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
