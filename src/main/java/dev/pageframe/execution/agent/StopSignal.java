package dev.pageframe.execution.agent;

/**
 * The flag that instrumented cell code polls at every branch so an interrupt can stop it.
 *
 * <p>Thread.stop no longer exists, so the agent rewrites each class a cell defines to call
 * {@link #check()} before every jump instruction (every loop iteration passes one). The flag is
 * static because generated cell classes can only reach it through a static call.
 */
public final class StopSignal {
    private static volatile boolean raised;

    private StopSignal() {}

    /** Called by instrumented cell code; throws once an interrupt has been requested. */
    public static void check() {
        if (raised) {
            throw new CellStoppedError();
        }
    }

    static void raise() {
        raised = true;
    }

    static void reset() {
        raised = false;
    }
}
