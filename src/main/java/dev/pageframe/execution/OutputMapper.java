package dev.pageframe.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps a cell's execution result onto the file model: outputs, execution count, timing metadata. */
public final class OutputMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputMapper() {}

    /** The notebook outputs for one execution-layer output. */
    public static Output toNotebook(CellOutput out) {
        return switch (out) {
            case StreamOutput s -> s.name() == StreamName.STDERR ? Output.Stream.stderr(s.text()) : Output.Stream.stdout(s.text());
            case ExecuteResult r -> Output.ExecuteResult.of(r.executionCount(), bundle(r.data()));
            case DisplayData d -> Output.DisplayData.of(bundle(d.data()));
            case ErrorOutput e -> Output.ErrorOutput.of(e.ename(), e.evalue(), e.traceback());
        };
    }

    static MimeBundle bundle(Map<String, Object> data) {
        MimeBundle b = MimeBundle.empty();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object v = e.getValue();
            if (MimeBundle.isJsonMimeType(e.getKey())) {
                JsonNode node = v instanceof String s ? parse(s) : JSON.valueToTree(v);
                b = b.withJson(e.getKey(), node);
            } else {
                b = b.with(e.getKey(), String.valueOf(v));
            }
        }
        return b;
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception ex) {
            return JsonNodeFactory.instance.textNode(s);
        }
    }

    /**
     * The cell as it stands after the run: the result's outputs replace the old ones, the execution
     * count is set, and the timing goes into {@code metadata.execution} as Jupyter records it.
     */
    public static Cell apply(Cell cell, CellResult result) {
        List<Output> outputs = new ArrayList<>();
        for (CellOutput o : result.outputs()) {
            outputs.add(toNotebook(o));
        }
        if (result.kernelDied() && result.error().isEmpty()) {
            outputs.add(Output.ErrorOutput.of("KernelDied", result.kernelDeath(), List.of("Kernel died: " + result.kernelDeath())));
        }
        ObjectNode meta = cell.metadata() == null ? JsonNodeFactory.instance.objectNode() : cell.metadata().deepCopy();
        CellTiming t = result.timing();
        if (t != null && t.started() != null && t.finished() != null) {
            ObjectNode exec = JsonNodeFactory.instance.objectNode();
            exec.put("iopub.execute_input", iso(t.started()));
            exec.put("iopub.status.busy", iso(t.submitted() != null ? t.submitted() : t.started()));
            exec.put("iopub.status.idle", iso(t.finished()));
            exec.put("shell.execute_reply", iso(t.finished()));
            meta.set("execution", exec);
        }
        return cell.withOutputs(outputs)
            .withExecutionCount(result.executionCount() > 0 ? result.executionCount() : null)
            .withMetadata(meta);
    }

    private static String iso(Instant i) {
        return i.toString();
    }
}
