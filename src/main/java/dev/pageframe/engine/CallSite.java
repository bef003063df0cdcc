package dev.pageframe.engine;

/** Where in the caller's code an API call came from, for trace call_site fields and bug reports. */
final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {}

    /**
     * "file:line" of the first frame outside the engine, or "notebook cell" for code typed into a
     * cell (JShell's synthetic classes have no file worth showing; the cell's own error names its line).
     */
    static String caller() {
        return WALKER.walk(frames -> frames
            .filter(f -> !f.getClassName().startsWith("dev.pageframe.engine"))
            .findFirst()
            .map(CallSite::describe)
            .orElse("unknown"));
    }

    private static String describe(StackWalker.StackFrame f) {
        if (f.getClassName().startsWith("REPL.") || (f.getFileName() != null && f.getFileName().startsWith("$JShell"))) {
            return "notebook cell";
        }
        return (f.getFileName() == null ? f.getClassName() : f.getFileName()) + ":" + f.getLineNumber();
    }
}
