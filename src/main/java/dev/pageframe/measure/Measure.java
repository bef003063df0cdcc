package dev.pageframe.measure;

import dev.pageframe.ui.AppProbe;
import dev.pageframe.ui.PageframeApp;
import dev.pageframe.ui.app.MainWindow;
import dev.pageframe.ui.app.NotebookTab;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

/**
 * Timing hooks for the lead's measurements, printed to stderr when {@code -Dpageframe.measure=true}:
 * <ul>
 *   <li>{@code pageframe: window shown after N ms} (from JVM start to the main window on screen),
 *   <li>{@code pageframe: first page of NAME (N cells) shown after M ms} (from the open request to the first
 *       screen of cells laid out),
 *   <li>{@code pageframe: FX thread busy N ms} each time the FX thread kept a task waiting over 50 ms (a probe
 *       posts one with {@code runLater} every few milliseconds), and at exit
 *       {@code pageframe: longest FX thread stall N ms (K stalls over 50 ms)},
 *   <li>{@code pageframe: frame gap N ms} for each gap over 50 ms between two frames, with where its time went,
 *       and at exit {@code pageframe: longest FX frame gap N ms (K gaps over 50 ms)}: an animation timer keeps
 *       the FX thread pulsing; a gap also counts the render thread drawing the previous frame.
 * </ul>
 * With {@code -Dpageframe.measure.stacks=true} each stall and gap also lists the FX thread's sampled stacks;
 * {@code -Dpageframe.measure.stacks.overMs=N} lists them for stalls and gaps over N ms instead (to study the
 * frames just under the limit; the counts stay those over 50 ms).
 * The same numbers are left in the system properties {@code pageframe.measure.windowShownMs},
 * {@code pageframe.measure.firstPageMs}, {@code pageframe.measure.maxStallMs} and
 * {@code pageframe.measure.maxGapMs}.
 * {@link #main} makes a 100-cell notebook, opens it, scrolls through it, watches for a few seconds and exits.
 */
public final class Measure implements AppProbe {
    private static final long GAP_LIMIT_NANOS = 50_000_000L;
    /** When set (seconds), the app quits by itself that long after its window is shown. */
    public static final String EXIT_AFTER_PROPERTY = "pageframe.measure.exitAfter";
    /** When true, the app opens the 100-cell notebook and measures, as with {@code --measure-100}. */
    public static final String HUNDRED_PROPERTY = "pageframe.measure.hundred";
    /** When true, the first notebook opened is scrolled from top to bottom once its first page shows. */
    public static final String SCROLL_PROPERTY = "pageframe.measure.scroll";
    /** When true, the first notebook opened runs all its cells a second after its first page shows (then scrolls, if asked). */
    public static final String RUN_ALL_PROPERTY = "pageframe.measure.runAll";
    /** When true, after the other steps the window zooms in and out and switches to the dark theme and back. */
    public static final String LOOK_PROPERTY = "pageframe.measure.look";
    /**
     * When true, after the look changes the window opens the 100-cell notebook (stored outputs in every code card)
     * and goes through it the same way but for Run All, once: the start-up cache's training run then covers
     * opening a saved notebook as well as running the tour.
     */
    public static final String THEN_HUNDRED_PROPERTY = "pageframe.measure.thenHundred";
    /**
     * When true, a thread samples the FX thread's stack every 2 ms and each stall and frame gap over 50 ms is
     * followed by the samples taken during it: a diagnostic for finding what a stall was (the sampling itself
     * lengthens frames, so measure without it).
     */
    public static final String STACKS_PROPERTY = "pageframe.measure.stacks";
    private static final boolean STACKS = Boolean.getBoolean(STACKS_PROPERTY);
    /** Stalls and gaps longer than this are logged, with their samples when {@link #STACKS} is on. */
    private static final long SHOW_OVER_NANOS = Long.getLong(STACKS_PROPERTY + ".overMs", 50) * 1_000_000L;
    private volatile Thread fxThread;
    private long openRequested = System.nanoTime();
    private long longestGap;
    /** The longest frame gap since a phase (a look change, the edits) last reset it (FX thread only). */
    private long recentGap;
    /** The longest stall since a phase reset it (FX thread only). */
    private long recentStall;
    private int gapsOver;
    private AnimationTimer monitor;
    /** The window whose look {@link #changeLook} changes; set on the FX thread when measuring. */
    private MainWindow window;
    private volatile boolean reported;
    private long pulseStarted;
    /** Written only on the FX thread; read there and at exit. */
    private long longestStall;
    private int stallsOver;
    private long preLayout;
    private long postLayout;

    /** Made by {@link AppProbe#forRun} when measuring is asked for. */
    public Measure() {}

    public static boolean enabled() {
        return Boolean.getBoolean("pageframe.measure");
    }

    private void log(String line) {
        System.err.println("pageframe: " + line);
    }

    /** Milliseconds since this JVM started. */
    static long sinceJvmStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return java.time.Duration.between(start, Instant.now()).toMillis();
    }

    /** Logs the time from JVM start to the window on screen. */
    private void logWindowShown() {
        if (enabled()) {
            long ms = sinceJvmStart();
            System.setProperty("pageframe.measure.windowShownMs", Long.toString(ms));
            log("window shown after " + ms + " ms");
            // From here on: how long the FX thread keeps a user waiting (start-up itself is the line above).
            startStallProbe();
        }
    }

    /** Marks the start of an open (file or tour), for {@link #firstPageShown}. */
    @Override
    public void openRequested() {
        openRequested = System.nanoTime();
    }

    /** Logs the time from the open request to the first screen of cells laid out (on the next pulse). */
    public void firstPageShown(NotebookTab tab) {
        if (!enabled()) {
            return;
        }
        long built = System.nanoTime();
        var scene = tab.view().getScene();
        String name = tab.document().titleProperty().get();
        int cells = tab.document().cells().size();
        if (scene == null) {
            log(String.format(Locale.ROOT, "first page of %s (%d cells) built after %d ms", name, cells,
                    (built - openRequested) / 1_000_000));
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = (System.nanoTime() - openRequested) / 1_000_000;
            System.setProperty("pageframe.measure.firstPageMs", Long.toString(ms));
            log(String.format(Locale.ROOT, "first page of %s (%d cells) shown after %d ms", name, cells, ms));
            if (Boolean.getBoolean(RUN_ALL_PROPERTY)) {
                // A reader looks at the page for a moment before choosing Run All.
                PauseTransition look = new PauseTransition(javafx.util.Duration.seconds(1));
                look.setOnFinished(e -> runAll(tab));
                look.play();
            } else if (Boolean.getBoolean(SCROLL_PROPERTY)) {
                scrollThrough(tab);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Runs every code cell as Run All does and logs, once the last has finished, how long that took and how many
     * times the FX thread kept a task waiting meanwhile (outputs arriving, charts and frame maps drawn).
     */
    private void runAll(NotebookTab tab) {
        List<dev.pageframe.ui.notebook.CellModel> code = tab.document().cells().stream()
                .filter(dev.pageframe.ui.notebook.CellModel::isCode).toList();
        long start = System.nanoTime();
        int stallsBefore = stallsOver;
        if (!tab.document().runAll()) {
            return;
        }
        AnimationTimer watcher = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (code.stream().allMatch(c -> c.runState() == dev.pageframe.ui.notebook.RunState.IDLE)) {
                    stop();
                    log(String.format(Locale.ROOT, "ran %d code cells of %s in %d ms (%d stalls over 50 ms while running)",
                            code.size(), tab.document().titleProperty().get(), (System.nanoTime() - start) / 1_000_000,
                            stallsOver - stallsBefore));
                    if (Boolean.getBoolean(SCROLL_PROPERTY)) {
                        scrollThrough(tab);
                    }
                }
            }
        };
        watcher.start();
    }

    /**
     * Scrolls the notebook from top to bottom like a reader flicking the wheel (a notch per frame), so the gap
     * monitor sees the lazy cell building under load.
     */
    private void scrollThrough(NotebookTab tab) {
        AnimationTimer scroller = new AnimationTimer() {
            private long start = System.nanoTime();
            private int gapsBefore = gapsOver;
            private double step = 40;
            private double last = -1;

            @Override
            public void handle(long now) {
                if (last < 0) {
                    recentStall = 0;
                }
                tab.view().scrollBy(step);
                double offset = tab.view().scrollOffset();
                if (offset == last) {
                    log(String.format(Locale.ROOT, "scrolled %s %s in %d ms (%d gaps over 50 ms while scrolling;"
                            + " longest stall %d ms)", step > 0 ? "down through" : "back up through",
                            tab.document().titleProperty().get(), (System.nanoTime() - start) / 1_000_000,
                            gapsOver - gapsBefore, recentStall / 1_000_000));
                    recentStall = 0;
                    if (step < 0) {
                        stop();
                        editSome(tab);
                        return;
                    }
                    // Back up over cells that are built by now: what is left is layout and painting.
                    step = -step;
                    start = System.nanoTime();
                    gapsBefore = gapsOver;
                }
                last = offset;
            }
        };
        scroller.start();
    }

    /**
     * Goes into the first few code cells as a reader with the keyboard does: select one, and twenty frames
     * later (a third of a second) press Enter, which puts the caret in it and swaps its source preview for a
     * real editor. The stall probe watches.
     */
    private void editSome(NotebookTab tab) {
        java.util.List<dev.pageframe.ui.notebook.CellModel> code = tab.document().cells().stream()
                .filter(dev.pageframe.ui.notebook.CellModel::isCode).limit(5).toList();
        AnimationTimer editor = new AnimationTimer() {
            private int frame;
            private int next;
            private final int stallsBefore = stallsOver;

            @Override
            public void handle(long now) {
                int step = frame++;
                if (step == 0) {
                    recentStall = 0;
                    recentGap = 0;
                }
                if (step % 20 == 0) {
                    if (next == code.size()) {
                        stop();
                        log(String.format(Locale.ROOT, "edited %d code cells (%d stalls over 50 ms while editing; longest"
                                + " stall %d ms, longest frame %d ms)", code.size(), stallsOver - stallsBefore,
                                recentStall / 1_000_000, recentGap / 1_000_000));
                        if (Boolean.getBoolean(LOOK_PROPERTY) && window != null) {
                            changeLook(window);
                        }
                        return;
                    }
                    tab.view().requestFocus();
                    tab.view().select(code.get(next));
                } else if (step % 20 == 19) {
                    tab.view().edit(code.get(next++), true);
                }
            }
        };
        editor.start();
    }

    /** Lets {@link #LOOK_PROPERTY} change this window's zoom and theme. */
    public void watchWindow(MainWindow w) {
        if (enabled()) {
            window = w;
        }
    }

    /**
     * Zooms in, zooms out, switches to the dark theme and back, half a second apart, as a reader does from the
     * keyboard, and logs the stalls each change caused: each restyles the cards and pages in the scene.
     */
    private void changeLook(MainWindow w) {
        List<String> names = List.of("zoomed in", "zoomed out", "switched to the dark theme", "switched back to the light theme");
        List<Runnable> changes = List.of(() -> w.zoom(1), () -> w.zoom(-1), () -> w.darkProperty().set(true),
                () -> w.darkProperty().set(false));
        AnimationTimer looker = new AnimationTimer() {
            private int frame;
            private int next;
            private int stallsBefore;

            @Override
            public void handle(long now) {
                if (frame++ % 30 != 0) {
                    return;
                }
                if (next > 0) {
                    log(String.format(Locale.ROOT, "%s (%d stalls over 50 ms, longest frame %d ms)", names.get(next - 1),
                            stallsOver - stallsBefore, recentGap / 1_000_000));
                }
                if (next == changes.size()) {
                    stop();
                    thenHundred(w);
                    return;
                }
                stallsBefore = stallsOver;
                recentGap = 0;
                changes.get(next++).run();
            }
        };
        looker.start();
    }

    /** With {@value #THEN_HUNDRED_PROPERTY}, opens the 100-cell notebook to scroll, edit and change the look in it. */
    private void thenHundred(MainWindow w) {
        if (!Boolean.getBoolean(THEN_HUNDRED_PROPERTY)) {
            return;
        }
        // Once: going through it ends with the look changes again. Not run: the file is not signed, so Run All
        // would ask whether to trust it; its first page starts the scroll, the edits and the look changes.
        System.clearProperty(THEN_HUNDRED_PROPERTY);
        System.clearProperty(RUN_ALL_PROPERTY);
        try {
            w.open(HundredCells.write());
        } catch (IOException e) {
            log("could not write the 100-cell notebook: " + e.getMessage());
        }
    }

    /** Starts watching for gaps between frames (only when measuring: it keeps the FX thread pulsing). */
    public void startGapMonitor() {
        if (!enabled() || monitor != null) {
            return;
        }
        monitor = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                long started = System.nanoTime();
                if (last != 0) {
                    long gap = now - last;
                    if (gap > longestGap) {
                        longestGap = gap;
                    }
                    if (gap > recentGap) {
                        recentGap = gap;
                    }
                    if (gap > GAP_LIMIT_NANOS) {
                        gapsOver++;
                    }
                    if (gap > SHOW_OVER_NANOS) {
                        log("frame gap " + gap / 1_000_000 + " ms (" + sinceJvmStart() + " ms after JVM start)"
                                + phases(started));
                        if (STACKS) {
                            printSamplesBetween("the frame gap", last, started);
                        }
                    }
                }
                last = now;
                pulseStarted = started;
            }
        };
        monitor.start();
    }

    /**
     * Measures how long the FX thread keeps a task waiting, as it would keep a key press waiting: a probe
     * thread posts one task at a time with {@link Platform#runLater} and the task logs how long it waited
     * ({@code FX thread busy N ms}) when that is over 50 ms. Unlike a frame gap, this leaves out the time the
     * render thread spends drawing the previous frame, during which the FX thread is free.
     */
    private void startStallProbe() {
        if (STACKS) {
            startStackSampler();
        }
        Thread.ofPlatform().daemon().name("pageframe-measure-probe").start(() -> {
            while (!reported) {
                long posted = System.nanoTime();
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    if (waited > longestStall) {
                        longestStall = waited;
                    }
                    if (waited > recentStall) {
                        recentStall = waited;
                    }
                    if (waited > GAP_LIMIT_NANOS) {
                        stallsOver++;
                    }
                    if (waited > SHOW_OVER_NANOS) {
                        log("FX thread busy " + waited / 1_000_000 + " ms (" + sinceJvmStart() + " ms after JVM start)");
                        if (STACKS) {
                            printSamplesBetween("the stall", posted, System.nanoTime());
                        }
                    }
                    ran.countDown();
                });
                try {
                    ran.await();
                    // A probe every few milliseconds is enough to see a 50 ms stall and costs the FX thread little.
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Samples the FX thread's stack every 2 ms into {@link #recent}, for {@link #printSamplesBetween}. */
    private void startStackSampler() {
        Platform.runLater(() -> fxThread = Thread.currentThread());
        Thread.ofPlatform().daemon().name("pageframe-measure-sampler").start(() -> {
            while (!reported) {
                Thread fx = fxThread;
                if (fx != null) {
                    String d = describe(fx.getStackTrace());
                    synchronized (recent) {
                        recent.addLast(new Sample(System.nanoTime(), d));
                        while (recent.size() > 200) {
                            recent.removeFirst();
                        }
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** One stack of the FX thread, sampled every 2 ms with {@value #STACKS_PROPERTY}, for a stall's or gap's log. */
    private record Sample(long at, String stack) {}

    /** The last 200 samples (about 400 ms). */
    private final java.util.ArrayDeque<Sample> recent = new java.util.ArrayDeque<>();

    /** Prints the FX thread's samples taken between two times ({@code pageframe-samples:} lines). */
    private void printSamplesBetween(String what, long from, long to) {
        StringBuilder out = new StringBuilder();
        synchronized (recent) {
            for (Sample sample : recent) {
                if (sample.at() >= from && sample.at() <= to) {
                    out.append("\npageframe-samples:   ").append((sample.at() - from) / 1_000_000).append(" ms ")
                            .append(sample.stack());
                }
            }
        }
        System.err.println("pageframe-samples: the FX thread during " + what + out);
    }

    /** One sampled stack in a line: the pulse phase or timer it is in, our deepest frame, and the top frames. */
    private String describe(StackTraceElement[] stack) {
        String phase = "?";
        String ours = "";
        for (int i = stack.length - 1; i >= 0; i--) {
            String c = stack[i].getClassName();
            String m = stack[i].getMethodName();
            if (c.endsWith("AnimationTimer$AnimationTimerReceiver") || (m.equals("handle") && c.startsWith("dev."))) {
                phase = "timer " + c.replace("dev.pageframe.ui.", "");
            } else if (m.equals("doCSSPass") || m.equals("doLayoutPass") || m.equals("synchronizeSceneNodes")
                    || m.equals("waitForRenderingToComplete") || m.equals("runLater") || m.equals("preLayoutPulse")) {
                phase = m;
            }
            if (c.startsWith("dev.pageframe") && !c.contains("Measure")) {
                ours = c.replace("dev.pageframe.ui.", "") + "." + m + ":" + stack[i].getLineNumber();
            }
        }
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(6, stack.length); i++) {
            top.append(i == 0 ? "" : " < ").append(stack[i].getClassName().replaceAll(".*\\.", "")).append('.')
                    .append(stack[i].getMethodName());
        }
        return "[" + phase + "] " + ours + " | " + top;
    }

    /**
     * Where the last frame's time went, from the scene's pulse listeners: animation timers (cards being built),
     * the CSS and layout pass, and what ran after it until this pulse (rendering, runLater tasks).
     */
    private String phases(long now) {
        if (preLayout == 0 || postLayout == 0 || pulseStarted == 0 || preLayout < pulseStarted || postLayout < preLayout) {
            return "";
        }
        return String.format(Locale.ROOT, ": timers %d ms, css+layout %d ms, then %d ms render and tasks",
                (preLayout - pulseStarted) / 1_000_000, (postLayout - preLayout) / 1_000_000,
                (now - postLayout) / 1_000_000);
    }

    @Override
    public List<String> notebooksToOpen(List<String> args) {
        List<String> files = new ArrayList<>();
        // The start-up cache's training run goes through the jar's own entry point, which passes only FILE.
        if (Boolean.getBoolean(HUNDRED_PROPERTY)) {
            prepareHundredCellRun();
            files.add(writeHundredCellsOrSay());
        }
        for (String arg : args) {
            switch (arg) {
                // For mvn javafx:run -Djavafx.args=--measure (the plugin cannot pass system properties).
                case "--measure" -> System.setProperty("pageframe.measure", "true");
                case "--measure-100" -> {
                    prepareHundredCellRun();
                    files.add(writeHundredCellsOrSay());
                }
                default -> files.add(arg);
            }
        }
        return files;
    }

    private static String writeHundredCellsOrSay() {
        try {
            return HundredCells.write().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the 100-cell notebook", e);
        }
    }

    @Override
    public void starting() {
        startGapMonitor();
    }

    @Override
    public void sceneMade(javafx.scene.Scene scene) {
        watchScene(scene);
    }

    @Override
    public void windowMade(MainWindow w) {
        w.setOnFirstPage(this::firstPageShown);
        watchWindow(w);
    }

    @Override
    public void windowShown() {
        logWindowShown();
        scheduleExit();
    }

    @Override
    public void stopping() {
        report();
    }

    /** Follows the CSS and layout pass of the main scene, for {@link #phases}. */
    public void watchScene(javafx.scene.Scene scene) {
        if (enabled()) {
            scene.addPreLayoutPulseListener(() -> preLayout = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> postLayout = System.nanoTime());
        }
    }

    /** Quits the app {@value #EXIT_AFTER_PROPERTY} seconds from now, if that property is set. */
    public void scheduleExit() {
        String after = System.getProperty(EXIT_AFTER_PROPERTY);
        if (after == null || after.isBlank()) {
            return;
        }
        PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(Double.parseDouble(after)));
        wait.setOnFinished(e -> Platform.exit());
        wait.play();
    }

    /** Logs the longest frame gap seen (at exit). */
    public void report() {
        if (!enabled() || reported) {
            return;
        }
        reported = true;
        if (monitor != null) {
            monitor.stop();
        }
        System.setProperty("pageframe.measure.maxGapMs", Long.toString(longestGap / 1_000_000));
        System.setProperty("pageframe.measure.maxStallMs", Long.toString(longestStall / 1_000_000));
        log("longest FX frame gap " + longestGap / 1_000_000 + " ms (" + gapsOver + " gaps over 50 ms)");
        log("longest FX thread stall " + longestStall / 1_000_000 + " ms (" + stallsOver + " stalls over 50 ms)");
    }

    /**
     * Opens a generated 100-cell notebook with measuring on, scrolls down through it and back up, prints the
     * measurements and exits after {@code -Dpageframe.measure.exitAfter} seconds (default 20). With a notebook
     * file as argument it measures opening that file instead and stays open. The same as running the app with
     * {@code --measure-100} ({@code mvn javafx:run -Djavafx.args=--measure-100}).
     */
    public static void main(String[] args) throws IOException {
        PageframeApp.launchApp(args.length > 0 ? new String[] {"--measure", args[0]} : new String[] {"--measure-100"});
    }

    /** Turns measuring on, with the scroll-through and the exit after a few seconds unless set otherwise. */
    static void prepareHundredCellRun() {
        System.setProperty("pageframe.measure", "true");
        if (System.getProperty(SCROLL_PROPERTY) == null) {
            System.setProperty(SCROLL_PROPERTY, "true");
        }
        if (System.getProperty(EXIT_AFTER_PROPERTY) == null) {
            System.setProperty(EXIT_AFTER_PROPERTY, "20");
        }
    }
}
