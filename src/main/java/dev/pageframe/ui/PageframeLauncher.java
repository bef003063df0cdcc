package dev.pageframe.ui;

/**
 * A main class that does not extend {@code Application}, so {@code java -cp ... dev.pageframe.ui.PageframeLauncher}
 * works with JavaFX on the class path (the Java launcher refuses an Application subclass as main class there).
 * The installed Linux launcher starts the desktop app through it when it is given no command, only a notebook to
 * open: the command line's parser (picocli, whose classes the start-up cache cannot hold) then stays unloaded.
 */
public final class PageframeLauncher {
    private PageframeLauncher() {}

    public static void main(String[] args) {
        try {
            PageframeApp.launchApp(args);
        } catch (UnsupportedOperationException e) {
            // JavaFX's words for a machine without a display; said as the command line says them.
            System.err.println("pageframe: cannot open the desktop app: " + e.getMessage()
                    + "; the commands (run, export, validate, trust) need no display");
            System.exit(1);
        }
    }
}
