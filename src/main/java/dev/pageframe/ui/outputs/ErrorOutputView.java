package dev.pageframe.ui.outputs;

import dev.pageframe.notebook.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A failed cell: {@code ename: evalue} in the danger colour, the kernel's own report (the
 * {@code BUG:} / {@code WARNING:} lines a {@code KernelBugException} carries) in a box styled like
 * a kernel log, then the traceback in monospace. Frames in the engine's {@code Kernel} API link to
 * its documentation through {@link OutputContext#openDocs}.
 */
public final class ErrorOutputView extends VBox {

    /** First lines of the reports the kernel prints (see mm/, lib/bug.c, kernel/panic.c). */
    static final Pattern KERNEL_REPORT = Pattern.compile(
            "^\\s*(BUG:|WARNING:|kernel BUG|Oops|Kernel panic|general protection fault|Unable to handle|"
            + "INFO: task|page:|page dumped because|Call Trace:).*");
    private static final Pattern KERNEL_FRAME = Pattern.compile(
            "^(\\s*at\\s+)(dev\\.pageframe\\.engine\\.Kernel)\\.([A-Za-z_$][\\w$]*)(\\(.*)$");

    private final String header;
    private final List<String> kernelLog;
    private final List<String> traceback;

    ErrorOutputView(Output.ErrorOutput error, OutputContext ctx) {
        getStyleClass().add("output-error");
        setMinWidth(0);
        String ename = TextCleaner.clean(error.ename());
        List<String> valueLines = TextCleaner.clean(error.evalue()).lines().toList();
        String summary = valueLines.isEmpty() ? "" : valueLines.getFirst();

        List<String> details = new ArrayList<>();
        List<String> report = new ArrayList<>();
        split(valueLines.size() > 1 ? valueLines.subList(1, valueLines.size()) : List.of(), details, report);

        List<String> trace = new ArrayList<>();
        for (String entry : error.traceback()) {
            trace.addAll(TextCleaner.clean(entry).lines().toList());
        }
        trace = withoutHeader(trace, ename, valueLines);
        if (report.isEmpty()) {
            // Some front ends put the report in the traceback only, before the first frame.
            int firstFrame = 0;
            while (firstFrame < trace.size() && !trace.get(firstFrame).stripLeading().startsWith("at ")) {
                firstFrame++;
            }
            List<String> head = new ArrayList<>();
            split(trace.subList(0, firstFrame), head, report);
            if (!report.isEmpty()) {
                List<String> rest = new ArrayList<>(head);
                rest.addAll(trace.subList(firstFrame, trace.size()));
                trace = rest;
            }
        }
        this.kernelLog = List.copyOf(report);
        this.traceback = List.copyOf(trace);

        String simpleName = ename.substring(ename.lastIndexOf('.') + 1);
        this.header = summary.isEmpty() ? simpleName : simpleName + ": " + summary;
        Text name = new Text(simpleName);
        name.getStyleClass().addAll("output-error-text", "output-error-name");
        Text value = new Text(summary.isEmpty() ? "" : ": " + summary);
        value.getStyleClass().addAll("output-error-text", "output-error-value");
        TextFlow headerFlow = new TextFlow(name, value);
        headerFlow.getStyleClass().add("output-error-header");
        headerFlow.setMinWidth(0);
        if (!simpleName.equals(ename)) {
            Tooltip.install(headerFlow, new Tooltip(ename));
        }
        getChildren().add(headerFlow);

        if (!details.isEmpty()) {
            FoldedText detail = new FoldedText(String.join("\n", details), null, "output-mono", "output-error-detail");
            getChildren().add(detail);
        }
        if (!report.isEmpty()) {
            getChildren().add(kernelLogBox(report));
        }
        if (!trace.isEmpty()) {
            FoldedText tb = new FoldedText(String.join("\n", trace), line -> frame(line, ctx), "output-mono",
                    "output-traceback-text");
            tb.getStyleClass().add("output-traceback");
            getChildren().add(tb);
        }
    }

    /** {@code Name: message}, as shown in the header. */
    public String header() {
        return header;
    }

    /** The kernel report lines shown in the kernel log box (empty when there is none). */
    public List<String> kernelLog() {
        return kernelLog;
    }

    /** The traceback lines shown under the header. */
    public List<String> traceback() {
        return traceback;
    }

    /** Sorts message lines into ordinary detail and the kernel report, which runs from its first line to the end. */
    private static void split(List<String> lines, List<String> details, List<String> report) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (KERNEL_REPORT.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            details.addAll(lines.stream().filter(l -> !l.isBlank()).toList());
            return;
        }
        details.addAll(lines.subList(0, start).stream().filter(l -> !l.isBlank()).toList());
        report.addAll(lines.subList(start, lines.size()));
        while (!report.isEmpty() && report.getLast().isBlank()) {
            report.removeLast();
        }
    }

    /** The traceback without its first lines when they only repeat {@code ename: evalue}. */
    private static List<String> withoutHeader(List<String> trace, String ename, List<String> valueLines) {
        if (trace.isEmpty()) {
            return trace;
        }
        String first = trace.getFirst();
        String summary = valueLines.isEmpty() ? "" : valueLines.getFirst();
        boolean repeats = first.equals(ename) || first.startsWith(ename + ":")
                || (!summary.isEmpty() && first.endsWith(summary) && !first.stripLeading().startsWith("at "));
        if (!repeats) {
            return trace;
        }
        int skip = 1;
        // The rest of a multi-line message follows the first line; it is shown above already.
        for (int i = 1; i < valueLines.size() && skip < trace.size() && trace.get(skip).equals(valueLines.get(i)); i++) {
            skip++;
        }
        return new ArrayList<>(trace.subList(skip, trace.size()));
    }

    private static Node kernelLogBox(List<String> report) {
        Label title = new Label("Kernel log");
        title.getStyleClass().add("output-kernel-log-title");
        TextFlow lines = new TextFlow();
        lines.getStyleClass().add("output-kernel-log-lines");
        lines.setMinWidth(0);
        for (int i = 0; i < report.size(); i++) {
            String line = report.get(i);
            Text t = new Text(i + 1 < report.size() ? line + "\n" : line);
            t.getStyleClass().addAll("output-text", "output-mono", "kernel-log-line");
            String head = line.stripLeading();
            if (head.startsWith("BUG") || head.startsWith("kernel BUG") || head.startsWith("Oops")
                    || head.startsWith("Kernel panic") || head.startsWith("general protection")) {
                t.getStyleClass().add("kernel-log-bug");
            } else if (head.startsWith("WARNING")) {
                t.getStyleClass().add("kernel-log-warning");
            }
            lines.getChildren().add(t);
        }
        VBox box = new VBox(title, lines);
        box.getStyleClass().add("output-kernel-log");
        box.setMinWidth(0);
        return box;
    }

    /** A traceback line; in frames of the engine's Kernel the method name links to its documentation. */
    private static List<Node> frame(String line, OutputContext ctx) {
        Matcher m = KERNEL_FRAME.matcher(line);
        if (!m.matches()) {
            return List.of(text(line));
        }
        String api = m.group(3);
        Hyperlink link = new Hyperlink(api);
        link.getStyleClass().addAll("output-docs-link", "output-mono");
        link.setOnAction(e -> ctx.openDocs(api));
        link.setTooltip(new Tooltip("Documentation of " + api));
        return List.of(text(m.group(1) + m.group(2) + "."), link, text(m.group(4)));
    }

    private static Text text(String s) {
        Text t = new Text(s);
        t.getStyleClass().addAll("output-text", "output-mono", "output-traceback-text");
        return t;
    }
}
