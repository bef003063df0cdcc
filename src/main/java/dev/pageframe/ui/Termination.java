package dev.pageframe.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ends the desktop app in order when a session logout, {@code kill} or a terminal's Ctrl+C asks it to (SIGTERM,
 * SIGINT, SIGHUP): the app's own exit runs instead of the JVM's shutdown hooks.
 *
 * <p>Why not the JVM's default: on those signals it runs its shutdown hooks at once, and JavaFX's hook stops the
 * renderer while the FX thread may still be painting a frame (a {@code RejectedExecutionException} on the way out),
 * the kernels' agents are left to notice a closed connection, and the edits made since the last recovery copy are
 * lost. Here the app writes every recovery copy, keeps them for the next start, stops its kernels and exits through
 * {@code Platform.exit}. A second signal, or an orderly exit that takes longer than the grace period, exits at once
 * the JVM's way, with the status a shell expects from a killed process (128 + the signal's number).
 */
final class Termination {
    /** The signals a desktop session or a terminal sends to end a program; Windows knows only INT and TERM. */
    static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private final Runnable orderlyExit;
    private final Duration grace;
    private final AtomicBoolean asked = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private Termination(Runnable orderlyExit, Duration grace) {
        this.orderlyExit = orderlyExit;
        this.grace = grace;
    }

    /**
     * Handles the signals from now on: the first one runs {@code orderlyExit} (on the signal's thread, so it should
     * only hand the work over), which must end in {@link #finished()}.
     */
    static Termination install(Runnable orderlyExit, Duration grace) {
        Termination t = new Termination(orderlyExit, grace);
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), t::received);
            } catch (IllegalArgumentException e) {
                // Unknown here (HUP on Windows) or kept by the JVM (-Xrs): that signal keeps its default.
            }
        }
        return t;
    }

    /** True once a signal has asked the app to end. */
    boolean asked() {
        return asked.get();
    }

    /** The orderly exit is over: the grace timer stands down. */
    void finished() {
        done.complete(null);
    }

    private void received(Signal signal) {
        int status = 128 + signal.getNumber();
        if (!asked.compareAndSet(false, true)) {
            System.exit(status);
            return;
        }
        Thread.ofPlatform().daemon().name("pageframe-termination").start(() -> {
            try {
                done.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                System.err.println("pageframe: did not end within " + grace.toSeconds() + " s of SIG" + signal.getName()
                        + "; exiting now");
                System.exit(status);
            } catch (Exception e) {
                System.exit(status);
            }
        });
        try {
            orderlyExit.run();
        } catch (RuntimeException e) {
            // The toolkit is already going (Platform.runLater refuses): the JVM's own exit is all that is left.
            System.exit(status);
        }
    }
}
