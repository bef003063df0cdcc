package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one cell's outputs in arrival order and forwards each to the cell's listener. Adjacent
 * chunks of the same stream are merged, as Jupyter stores them. Stream text beyond a limit is
 * dropped (with one notice), so a cell printing in an endless loop cannot exhaust the host's heap
 * before someone interrupts it.
 */
final class CellRecorder {
    private final int executionCount;
    private final CellListener listener;
    private final long streamLimit;
    private final List<CellOutput> outputs = new ArrayList<>();
    private StreamName openStream;
    private final StringBuilder openText = new StringBuilder();
    private long streamChars;
    private boolean truncated;

    /**
     * @param streamLimit how many characters of stdout and stderr to keep (and forward)
     */
    /** Whether this records a startup snippet (count 0), whose outputs no one reads unless it fails. */
    boolean startup() {
        return executionCount == 0;
    }

    CellRecorder(int executionCount, CellListener listener, long streamLimit) {
        this.executionCount = executionCount;
        this.listener = listener;
        this.streamLimit = streamLimit;
    }

    synchronized void add(CellOutput output) {
        if (output instanceof StreamOutput chunk) {
            addStream(chunk);
            return;
        }
        closeStream();
        outputs.add(output);
        Listeners.call(() -> listener.output(output));
    }

    private void addStream(StreamOutput chunk) {
        if (truncated) {
            return;
        }
        StreamOutput kept = chunk;
        if (streamChars + chunk.text().length() > streamLimit) {
            truncated = true;
            String room = chunk.text().substring(0, (int) Math.max(0, streamLimit - streamChars));
            kept = new StreamOutput(chunk.name(), room + "\n[output truncated: the cell printed more than "
                    + streamLimit + " characters]\n");
        }
        streamChars += chunk.text().length();
        if (openStream != kept.name()) {
            closeStream();
            openStream = kept.name();
        }
        openText.append(kept.text());
        StreamOutput forwarded = kept;
        Listeners.call(() -> listener.output(forwarded));
    }

    private void closeStream() {
        if (openStream != null) {
            outputs.add(new StreamOutput(openStream, openText.toString()));
            openStream = null;
            openText.setLength(0);
        }
    }

    void progress(long done, long total, String label) {
        Progress progress = new Progress(executionCount, done, total, label);
        Listeners.call(() -> listener.progress(progress));
    }

    synchronized List<CellOutput> outputs() {
        List<CellOutput> all = new ArrayList<>(outputs);
        if (openStream != null) {
            all.add(new StreamOutput(openStream, openText.toString()));
        }
        return List.copyOf(all);
    }
}
