package dev.pageframe.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Starts the desktop app when {@code pageframe} is run with no subcommand. The command line finds the
 * app by name, so it never depends on the UI or on JavaFX, and a build without them still works.
 */
@FunctionalInterface
public interface GuiLauncher {

    /** The desktop app's class; it has {@code public static void launchApp(String[] args)}. */
    String APP_CLASS = "dev.pageframe.ui.PageframeApp";

    /**
     * Starts the desktop app with {@code args} (empty, or one notebook file) and returns when it closes.
     *
     * @return false if this build has no desktop app, true once it has run
     * @throws Exception whatever the app threw while starting
     */
    boolean launch(String[] args) throws Exception;

    /** Looks up {@value #APP_CLASS} and calls its static {@code launchApp(String[])}. */
    static GuiLauncher reflective() {
        return args -> {
            Class<?> app;
            try {
                app = Class.forName(APP_CLASS, true, GuiLauncher.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return false; // no UI in this build, or JavaFX is missing at run time
            }
            Method launch;
            try {
                launch = app.getMethod("launchApp", String[].class);
            } catch (NoSuchMethodException e) {
                return false;
            }
            if (!Modifier.isStatic(launch.getModifiers())) {
                return false;
            }
            try {
                launch.invoke(null, (Object) args.clone());
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
            return true;
        };
    }
}
