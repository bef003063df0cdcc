package dev.pageframe.ui.notebook;

import dev.pageframe.ui.markdown.MarkdownView;
import java.util.concurrent.Executor;

/**
 * Loads and initialises the editor's classes (RichTextFX, ReactFX, Flowless, the kernel names) on a
 * background thread while the window opens, so building the first cells does not stall the FX thread on
 * class loading. Nothing built here is ever shown.
 */
public final class Warmup {
    private Warmup() {}

    public static void start(Executor background) {
        background.execute(() -> {
            try {
                KernelNames.all();
                JavaSyntax syntax = JavaSyntax.forKernel();
                syntax.tokenize("long buf = __get_free_pages(GFP_KERNEL, 3); // warm-up \"text\" 42");
                MarkdownView.headings("# Warm-up\n\ntext");
                new CellEditor("int warm = 1;\nSystem.out.println(warm);", syntax);
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: anything that cannot be made off the FX thread is made later, on it.
            }
        });
    }
}
