package dev.pageframe.ui.outputs;

/**
 * What an output view may ask of the app around it. Every method has a do-nothing default, so
 * {@code new OutputContext() {}} is a valid context for previews and tests, and methods added
 * later do not break existing implementations.
 */
public interface OutputContext {

    /** A context that ignores every request. */
    OutputContext NONE = new OutputContext() {};

    /**
     * Show the documentation of a kernel API the output mentions, e.g. {@code "kmalloc"} for a
     * traceback frame in {@code Kernel.kmalloc}. Called on the FX thread.
     */
    default void openDocs(String apiName) {}

    /** Open a link clicked in an output (Markdown output, for instance). Called on the FX thread. */
    default void openLink(String href) {}
}
