package dev.pageframe.engine;

import java.util.List;

/**
 * A misuse the kernel would catch (double free, bad page state, sleeping in atomic context, ...):
 * the report the kernel prints goes to the log and rides along with the exception for the caller.
 * The engine's state is left as it was before the call.
 */
public final class KernelBugException extends RuntimeException {
    private final List<String> report;

    KernelBugException(String summary, List<String> report) {
        super(summary);
        this.report = List.copyOf(report);
    }

    /** The lines the kernel printed for this misuse. */
    public List<String> report() {
        return report;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + (report.isEmpty() ? "" : "\n" + String.join("\n", report));
    }

    /** The one-line summary without the kernel report. */
    public String summary() {
        return super.getMessage();
    }
}
