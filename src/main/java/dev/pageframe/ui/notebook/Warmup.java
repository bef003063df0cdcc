package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Output;
import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.markdown.MarkdownView;
import dev.pageframe.ui.outputs.OutputViews;
import java.util.concurrent.Executor;

/**
 * Loads and initialises the editor's classes (RichTextFX, ReactFX, Flowless, the kernel names) and those of a
 * code cell's card (the source preview, icons, stream outputs) on a background thread while the window opens,
 * so building the first cells does not stall the FX thread on class loading. Nothing built here is ever shown.
 */
public final class Warmup {
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

    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start.
        }
    }
}
