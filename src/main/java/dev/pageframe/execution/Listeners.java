package dev.pageframe.execution;

/** Calls listener code so that a faulty listener cannot break a kernel thread. */
final class Listeners {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private Listeners() {}

    static void call(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a kernel listener threw", e);
        }
    }
}
