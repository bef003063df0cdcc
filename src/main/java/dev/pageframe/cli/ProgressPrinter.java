package dev.pageframe.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run's progress for a person: one line per finished cell, such as
 * {@code [3/12] cell 7f3a9c1e 0.12 s ok}, and a text progress bar for long operations.
 *
 * <p>On a terminal, the line of the running cell and the bar are redrawn in place with a carriage
 * return. Elsewhere (a log file, CI) every line is final and the bar is printed at most once per tenth
 * of the way, so logs stay short.
 */
final class ProgressPrinter implements RunProgress {
    static final int BAR_WIDTH = 24;
    private static final int ID_LIMIT = 12;

    private final PrintWriter err;
    private final boolean terminal;
    private final List<String> cellIds;
    /** Length of the partial line on screen (terminal only), 0 if the cursor is at a line start. */
    private int partial;
    private String barLabel;
    private long lastStep = -1;
    private int startedIndex = -1;
    private String startedId;

    /**
     * @param err      where to print
     * @param terminal true to redraw lines in place
     * @param cellIds  the notebook's cell ids by index, to name a cell when it finishes
     */
    ProgressPrinter(PrintWriter err, boolean terminal, List<String> cellIds) {
        this.err = err;
        this.terminal = terminal;
        this.cellIds = List.copyOf(cellIds);
    }

    @Override
    public synchronized void cellStarted(int index, int total, String cellId) {
        barLabel = null;
        startedIndex = index;
        startedId = cellId;
        if (terminal) {
            redraw(position(index, total) + " cell " + shortId(cellId) + " running…");
        }
    }

    @Override
    public synchronized void cellFinished(int index, int total, Duration elapsed, Verdict verdict) {
        barLabel = null;
        finalLine(position(index, total) + " cell " + shortId(cellIdAt(index)) + " "
                + seconds(elapsed) + " " + verdict.label());
    }

    @Override
    public synchronized void cellSkipped(int index, int total, String cellId, String why) {
        barLabel = null;
        finalLine(position(index, total) + " cell " + shortId(cellId) + " skipped (" + why + ")");
    }

    private void finalLine(String line) {
        if (terminal) {
            redraw(line);
            err.print('\n');
            partial = 0;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void progress(long done, long total, String label) {
        String name = label == null || label.isBlank() ? "working" : label.strip();
        if (!name.equals(barLabel)) {
            barLabel = name;
            lastStep = -1;
        }
        // Redraw on a terminal at each new percent; in a log, at each new tenth; always at the end.
        long step;
        if (total > 0) {
            long clamped = Math.max(0, Math.min(done, total));
            step = (long) ((double) clamped / total * (terminal ? 100 : 10));
        } else {
            step = done <= 0 ? 0 : 63 - Long.numberOfLeadingZeros(done); // unknown total: at each doubling
        }
        boolean finished = total > 0 && done >= total;
        if (step == lastStep && !(finished && terminal)) {
            return;
        }
        lastStep = step;
        String line = "  " + bar(done, total, name);
        if (terminal) {
            redraw(line);
            if (finished) {
                err.print('\n');
                partial = 0;
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends a pending terminal line so later output starts on a fresh one. */
    synchronized void finish() {
        if (terminal && partial > 0) {
            err.print('\n');
            partial = 0;
            err.flush();
        }
    }

    private String cellIdAt(int index) {
        if (index == startedIndex && startedId != null) {
            return startedId;
        }
        return index >= 0 && index < cellIds.size() ? cellIds.get(index) : "#" + (index + 1);
    }

    private void redraw(String line) {
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < partial; i++) {
            sb.append(' ');
        }
        err.print(sb);
        partial = line.length();
        err.flush();
    }

    static String bar(long done, long total, String label) {
        if (total <= 0) {
            return label + " " + done;
        }
        long clamped = Math.max(0, Math.min(done, total));
        double fraction = (double) clamped / total;
        int filled = (int) (fraction * BAR_WIDTH);
        int percent = (int) (fraction * 100);
        return label + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent) + " (" + done + "/" + total + ")";
    }

    static String position(int index, int total) {
        return "[" + (index + 1) + "/" + total + "]";
    }

    static String shortId(String id) {
        if (id == null) {
            return "?";
        }
        return id.length() <= ID_LIMIT ? id : id.substring(0, ID_LIMIT - 1) + "…";
    }

    static String seconds(Duration d) {
        if (d == null) {
            return "? s";
        }
        double s = d.toNanos() / 1e9;
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }
}
