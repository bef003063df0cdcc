package dev.pageframe.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.execution.display.MimeBundles;
import dev.pageframe.execution.display.VndJson;
import dev.pageframe.execution.png.ChartPng;
import dev.pageframe.execution.png.PngImage;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a cell's execution result onto the file model: outputs, execution count, timing metadata.
 * A chart's picture is chosen here, on the host, by {@link ChartFormat}: the agent writes SVG (it
 * must not load AWT), and for {@link ChartFormat#PNG} that SVG is drawn to a PNG in its place.
 */
public final class OutputMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE_PNG = "image/png";

    private OutputMapper() {}

    /** The notebook output for one execution-layer output, charts stored as PNG. */
    public static Output toNotebook(CellOutput out) {
        return toNotebook(out, ChartFormat.PNG);
    }

    /** The notebook output for one execution-layer output, charts stored as {@code format}. */
    public static Output toNotebook(CellOutput out, ChartFormat format) {
        return switch (out) {
            case StreamOutput s -> s.name() == StreamName.STDERR ? Output.Stream.stderr(s.text()) : Output.Stream.stdout(s.text());
            case ExecuteResult r -> {
                Picture p = picture(r.data(), format);
                yield new Output.ExecuteResult(bundle(p.data()), p.metadata(), r.executionCount(), null);
            }
            case DisplayData d -> {
                Picture p = picture(d.data(), format);
                yield new Output.DisplayData(bundle(p.data()), p.metadata(), null);
            }
            case ErrorOutput e -> Output.ErrorOutput.of(e.ename(), e.evalue(), e.traceback());
        };
    }

    /** A bundle with the chart picture chosen, and the output metadata that goes with it (null if none). */
    private record Picture(Map<String, Object> data, ObjectNode metadata) {}

    /**
     * For a Pageframe chart (a vnd entry beside an SVG) stored as PNG: the SVG replaced, in its
     * place, by the PNG drawn from it, and the PNG's CSS size in the metadata as nbformat keeps it.
     * Anything else, or an SVG the rasterizer cannot read, is kept as it came.
     */
    private static Picture picture(Map<String, Object> data, ChartFormat format) {
        Object svg = data.get(MimeBundles.IMAGE_SVG);
        boolean chart = data.keySet().stream().anyMatch(VndJson::isVndType);
        if (format != ChartFormat.PNG || !chart || !(svg instanceof String text)) {
            return new Picture(data, null);
        }
        PngImage png;
        try {
            png = ChartPng.fromSvg(text);
        } catch (RuntimeException e) {
            // Not markup our renderers wrote (a cell can publish any bundle): the SVG still shows somewhere.
            return new Picture(data, null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (data.containsKey(MimeBundles.TEXT_PLAIN)) {
            out.put(MimeBundles.TEXT_PLAIN, data.get(MimeBundles.TEXT_PLAIN));
        }
        out.put(IMAGE_PNG, png.base64());
        data.forEach((k, v) -> {
            if (!k.equals(MimeBundles.IMAGE_SVG)) {
                out.putIfAbsent(k, v);
            }
        });
        ObjectNode size = JsonNodeFactory.instance.objectNode();
        size.put("width", png.width());
        size.put("height", png.height());
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set(IMAGE_PNG, size);
        return new Picture(out, metadata);
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
        return apply(cell, result, outputs(result, ChartFormat.PNG));
    }

    /** As {@link #apply(Cell, CellResult)}, charts stored as {@code format}. */
    public static Cell apply(Cell cell, CellResult result, ChartFormat format) {
        return apply(cell, result, outputs(result, format));
    }

    /**
     * The notebook outputs of a result, charts stored as {@code format}. Drawing a PNG takes some
     * milliseconds, so the app calls this off the FX thread and hands the list to
     * {@link #apply(Cell, CellResult, List)} on it.
     */
    public static List<Output> outputs(CellResult result, ChartFormat format) {
        List<Output> outputs = new ArrayList<>();
        for (CellOutput o : result.outputs()) {
            outputs.add(toNotebook(o, format));
        }
        return outputs;
    }

    /** As {@link #apply(Cell, CellResult)}, with the result's outputs already mapped by {@link #outputs}. */
    public static Cell apply(Cell cell, CellResult result, List<Output> mapped) {
        List<Output> outputs = new ArrayList<>(mapped);
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
