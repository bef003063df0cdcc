package dev.pageframe.execution;

import java.util.List;
import java.util.Optional;

/**
 * Everything one cell execution produced.
 *
 * @param executionCount Jupyter's execution count for the cell, or 0 if it never ran
 * @param outputs in arrival order, consecutive stream chunks of the same stream merged
 * @param diagnostics compiler errors and warnings located in the cell source
 * @param kernelDeath why the agent JVM died during this cell, or {@code null} if it is still alive
 */
public record CellResult(
        int executionCount,
        CellStatus status,
        List<CellOutput> outputs,
        List<CompileDiagnostic> diagnostics,
        CellTiming timing,
        String kernelDeath) {

    public CellResult {
        outputs = List.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }

    public boolean interrupted() {
        return status == CellStatus.INTERRUPTED;
    }

    /** Whether the kernel died (and the session is now DEAD). */
    public boolean kernelDied() {
        return kernelDeath != null;
    }

    /** The first error output, if the cell failed. */
    public Optional<ErrorOutput> error() {
        return outputs.stream().filter(ErrorOutput.class::isInstance).map(ErrorOutput.class::cast).findFirst();
    }

    /** All text the cell wrote to one stream, concatenated. */
    public String streamText(StreamName name) {
        StringBuilder text = new StringBuilder();
        for (CellOutput output : outputs) {
            if (output instanceof StreamOutput s && s.name() == name) {
                text.append(s.text());
            }
        }
        return text.toString();
    }

    /** The value of the final expression, if it was shown. */
    public Optional<ExecuteResult> executeResult() {
        return outputs.stream().filter(ExecuteResult.class::isInstance).map(ExecuteResult.class::cast).findFirst();
    }
}
