package dev.pageframe.ui;

import dev.pageframe.ui.app.MainWindow;
import java.util.List;
import java.util.Properties;
import javafx.scene.Scene;

/**
 * What the app tells a measuring harness while it starts and runs. The app holds {@link #NONE} unless measuring
 * is asked for ({@code -Dpageframe.measure*} or {@code --measure}, {@code --measure-100}); then it loads the
 * harness, which lives outside the UI packages ({@value #HARNESS}) and is used by scripts/measure-app.sh and
 * scripts/startup-cache.sh.
 */
public interface AppProbe {
    /** The measuring harness, loaded by name so nothing in the UI depends on it. */
    String HARNESS = "dev.pageframe.measure.Measure";

    /** The probe that does nothing: the app as users run it. */
    AppProbe NONE = new AppProbe() { };

    /** The notebooks to open for these command-line arguments (the harness adds its own and takes its flags). */
    default List<String> notebooksToOpen(List<String> args) {
        return args;
    }

    /** Before the window is made. */
    default void starting() { }

    /** The main scene is made (not shown yet). */
    default void sceneMade(Scene scene) { }

    /** The main window is made and attached to its stage. */
    default void windowMade(MainWindow window) { }

    /** The window is on screen. */
    default void windowShown() { }

    /** The app asks for its first notebooks to open. */
    default void openRequested() { }

    /** The app is stopping. */
    default void stopping() { }

    /** The probe for a run with these arguments and system properties: {@link #NONE} unless measuring is asked for. */
    static AppProbe forRun(List<String> args, Properties properties) {
        if (!asked(args, properties)) {
            return NONE;
        }
        try {
            return Class.forName(HARNESS).asSubclass(AppProbe.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            System.err.println("pageframe: measuring was asked for, but " + HARNESS + " could not be loaded: " + e);
            return NONE;
        }
    }

    /** True if a {@code pageframe.measure} property is set or a {@code --measure} flag given. */
    static boolean asked(List<String> args, Properties properties) {
        return args.contains("--measure") || args.contains("--measure-100")
                || properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("pageframe.measure"));
    }
}
