package dev.pageframe.engine;

/** Where in the caller's code an API call came from, for trace call_site fields and bug reports. */
final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {}

    /** "file:line" of the first frame outside the engine, or "unknown". */
    static String caller() {
        return WALKER.walk(frames -> frames
            .filter(f -> !f.getClassName().startsWith("dev.pageframe.engine"))
            .findFirst()
            .map(f -> (f.getFileName() == null ? f.getClassName() : f.getFileName()) + ":" + f.getLineNumber())
            .orElse("unknown"));
    }
}
