package dev.pageframe.execution.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What cell code can call to talk to the notebook: rich display output and progress reports.
 *
 * <p>Events travel on the same connection as stdout and stderr, so a display call lands between
 * the prints that came before and after it. Bundle values must be JSON-encodable (strings, numbers,
 * booleans, lists, maps, records); {@code byte[]} is sent as base64, which is what notebook files
 * store for binary MIME types such as {@code image/png}.
 *
 * <p>Outside a kernel (for example in a unit test of engine code), {@code display} prints the
 * bundle's {@code text/plain} entry, if any, to {@code System.out}, and {@code progress} does
 * nothing.
 */
public final class CellContext {
    /** Progress reports closer together than this are dropped unless they finish the task. */
    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;
    private static final Object PROGRESS_LOCK = new Object();
    private static long lastProgressNanos;
    private static boolean progressSent;

    private CellContext() {}

    /** Publishes a MIME bundle (mime type to data) as a display_data output of the running cell. */
    public static void display(Map<String, ?> mimeBundle) {
        display(mimeBundle, Map.of());
    }

    /** Publishes a MIME bundle with display metadata (for example image width). */
    public static void display(Map<String, ?> mimeBundle, Map<String, ?> metadata) {
        if (mimeBundle == null || mimeBundle.isEmpty()) {
            throw new IllegalArgumentException("a display bundle needs at least one MIME type");
        }
        if (!EventChannel.attached()) {
            Object text = mimeBundle.get("text/plain");
            if (text != null) {
                System.out.println(text);
            }
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(AgentProtocol.TYPE, AgentProtocol.DISPLAY);
        event.put("data", mimeBundle);
        event.put("metadata", metadata == null ? Map.of() : metadata);
        EventChannel.send(event);
    }

    /** Publishes a single-entry bundle, e.g. {@code display("text/html", "<b>hi</b>")}. */
    public static void display(String mimeType, Object data) {
        display(Map.of(mimeType, data));
    }

    /**
     * Reports progress of a long task; the host shows it as a progress bar (UI) or a status line
     * (CLI). Reports are thinned to one per 50 ms, but the first and the final
     * ({@code done >= total}) report always go through.
     *
     * @param total the amount of work, or a non-positive number if unknown
     */
    public static void progress(long done, long total, String label) {
        if (!EventChannel.attached()) {
            return;
        }
        long now = System.nanoTime();
        synchronized (PROGRESS_LOCK) {
            boolean finished = total > 0 && done >= total;
            if (progressSent && !finished && now - lastProgressNanos < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            progressSent = true;
            lastProgressNanos = now;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(AgentProtocol.TYPE, AgentProtocol.PROGRESS);
        event.put("done", done);
        event.put("total", total);
        event.put("label", label == null ? "" : label);
        EventChannel.send(event);
    }
}
