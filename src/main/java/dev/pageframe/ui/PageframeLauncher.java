package dev.pageframe.ui;

/**
 * A main class that does not extend {@code Application}, so {@code java -cp ... dev.pageframe.ui.PageframeLauncher}
 * works with JavaFX on the class path (the Java launcher refuses an Application subclass as main class there).
 */
public final class PageframeLauncher {
    private PageframeLauncher() {}

    public static void main(String[] args) {
        PageframeApp.launchApp(args);
    }
}
