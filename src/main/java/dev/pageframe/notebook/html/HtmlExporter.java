package dev.pageframe.notebook.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.MimeBundle;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.Output;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a notebook as one self-contained HTML5 page: inline CSS, images as {@code data:} URIs, SVG
 * inlined, and nothing that loads from the network or runs script. Output and markdown HTML is
 * sanitized, so a notebook from anyone can be exported and opened safely; a Content-Security-Policy
 * in the page forbids scripts and remote loads as a second line of defence.
 *
 * <p>The page is a pure function of the notebook: the same notebook gives the same bytes.
 */
public final class HtmlExporter {
    /** Output representations tried in order; the first present and usable one is shown. */
    public static final List<String> MIME_PREFERENCE = List.of(
            "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/html", "text/markdown", "text/plain");

    private static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'";
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/=\\s]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b", Pattern.CASE_INSENSITIVE);
    private static final int ALT_TEXT_LIMIT = 200;
    private static final String PAGEFRAME_VND = "application/vnd.pageframe.";

    private final JavaHighlighter highlighter;

    /** An exporter that marks {@code kernelNames} (e.g. {@code kmalloc}, {@code GFP_KERNEL}) in code. */
    public HtmlExporter(Set<String> kernelNames) {
        this(new JavaHighlighter(kernelNames));
    }

    /** An exporter that highlights code with {@code highlighter}. */
    public HtmlExporter(JavaHighlighter highlighter) {
        this.highlighter = Objects.requireNonNull(highlighter);
    }

    /** The page for {@code notebook}, titled by its first heading or else "Notebook". */
    public String export(Notebook notebook) {
        return export(notebook, "Notebook");
    }

    /**
     * The page for {@code notebook}.
     *
     * @param fallbackTitle the title when no markdown cell has a heading, e.g. the file name
     */
    public String export(Notebook notebook, String fallbackTitle) {
        return export(notebook, fallbackTitle, null);
    }

    /**
     * The page for {@code notebook}, with the pictures its markdown names relative to {@code folder} inside it.
     *
     * @param fallbackTitle the title when no markdown cell has a heading, e.g. the file name
     * @param folder        the notebook file's folder, or null for a notebook without a file
     */
    public String export(Notebook notebook, String fallbackTitle, Path folder) {
        return new Page(notebook, new LocalImages(folder)).render(title(notebook).orElse(fallbackTitle));
    }

    /** The text of the first heading in the notebook's markdown cells, if any. */
    public static Optional<String> title(Notebook notebook) {
        for (Cell cell : notebook.cells()) {
            if (cell.type() == CellType.MARKDOWN) {
                Optional<String> heading = Markdown.firstHeading(cell.source());
                if (heading.isPresent()) {
                    return heading;
                }
            }
        }
        return Optional.empty();
    }

    /** One export's state: the markdown renderer's heading ids are unique per page. */
    private final class Page {
        private final Notebook notebook;
        private final Markdown markdown = new Markdown(highlighter);
        private final boolean highlightCode;
        private final StringBuilder out = new StringBuilder(1 << 14);
        private final LocalImages localImages;

        Page(Notebook notebook, LocalImages localImages) {
            this.notebook = notebook;
            this.localImages = localImages;
            this.highlightCode = isJava(notebook.metadata());
        }

        /** An image source in a cell's markdown as a data: URI: an attachment, else a picture beside the notebook. */
        private String image(Cell cell, String src) {
            String uri = attachment(cell, src);
            return uri != null ? uri : localImages.dataUri(src).orElse(null);
        }

        String render(String title) {
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                    .append("<meta name=\"generator\" content=\"Pageframe\">\n")
                    .append("<title>").append(Html.escape(title)).append("</title>\n")
                    .append("<style>\n").append(Stylesheet.CSS).append("</style>\n")
                    .append("</head>\n<body>\n<main class=\"notebook\">\n");
            for (Cell cell : notebook.cells()) {
                switch (cell.type()) {
                    case MARKDOWN -> markdownCell(cell);
                    case CODE -> codeCell(cell);
                    case RAW, UNKNOWN -> rawCell(cell);
                }
            }
            out.append("</main>\n</body>\n</html>\n");
            return out.toString();
        }

        private void openCell(Cell cell, String kind) {
            out.append("<div class=\"cell ").append(kind).append("\" id=\"cell-").append(Html.attr(cell.id()))
                    .append("\">\n");
        }

        private void markdownCell(Cell cell) {
            openCell(cell, "markdown-cell");
            out.append("<div class=\"row\"><div class=\"prompt\"></div><div class=\"body markdown\">\n")
                    .append(markdown.render(cell.source(), src -> image(cell, src)))
                    .append("</div></div>\n</div>\n");
        }

        private void rawCell(Cell cell) {
            String format = rawFormat(cell.metadata());
            openCell(cell, "raw-cell");
            out.append("<div class=\"row\"><div class=\"prompt\"></div><div class=\"body raw\">\n");
            switch (format) {
                case "text/html" -> out.append(HtmlSanitizer.sanitize(cell.source(), src -> image(cell, src)));
                case "text/markdown" -> out.append(markdown.render(cell.source(), src -> image(cell, src)));
                default -> out.append("<pre>").append(Html.escape(cell.source())).append("</pre>");
            }
            out.append("\n</div></div>\n</div>\n");
        }

        private void codeCell(Cell cell) {
            openCell(cell, "code-cell");
            out.append("<div class=\"row input\"><div class=\"prompt in-prompt\">In&nbsp;[")
                    .append(cell.executionCount() == null ? "&nbsp;" : cell.executionCount().toString())
                    .append("]:</div><div class=\"body\"><pre class=\"source\"><code class=\"language-java\">")
                    .append(highlightCode ? highlighter.toHtml(cell.source()) : Html.escape(cell.source()))
                    .append("</code></pre></div></div>\n");
            if (!cell.outputs().isEmpty()) {
                out.append("<div class=\"outputs\">\n");
                for (Output output : coalesceStreams(cell.outputs())) {
                    output(cell, output);
                }
                out.append("</div>\n");
            }
            out.append("</div>\n");
        }

        private void output(Cell cell, Output output) {
            String prompt = "";
            if (output instanceof Output.ExecuteResult r) {
                Integer n = r.executionCount() != null ? r.executionCount() : cell.executionCount();
                prompt = "Out[" + (n == null ? "&nbsp;" : n.toString()) + "]:";
            }
            out.append("<div class=\"row\"><div class=\"prompt out-prompt\">").append(prompt)
                    .append("</div><div class=\"body\">");
            switch (output) {
                case Output.Stream s -> {
                    String name = s.name().equals("stderr") ? "stderr" : "stdout";
                    out.append("<pre class=\"output stream ").append(name).append("\">")
                            .append(Html.escape(TerminalText.render(s.text()))).append("</pre>");
                }
                case Output.ExecuteResult r -> bundle(r.data(), r.metadata());
                case Output.DisplayData d -> bundle(d.data(), d.metadata());
                case Output.ErrorOutput e -> error(e);
                case Output.Unknown u -> out.append("<div class=\"output unknown\">An output of type “")
                        .append(Html.escape(u.outputType())).append("” is not shown.</div>");
            }
            out.append("</div></div>\n");
        }

        private void error(Output.ErrorOutput e) {
            out.append("<div class=\"output error\"><div class=\"error-head\"><span class=\"ename\">")
                    .append(Html.escape(TerminalText.stripAnsi(e.ename()))).append("</span>");
            if (!e.evalue().isEmpty()) {
                // A long report (a kernel BUG's) follows in the traceback; the heading keeps its first line.
                String evalue = TerminalText.stripAnsi(e.evalue()).strip();
                int nl = evalue.indexOf('\n');
                out.append(": ").append(Html.escape(nl < 0 ? evalue : evalue.substring(0, nl).strip() + " …"));
            }
            out.append("</div>");
            if (!e.traceback().isEmpty()) {
                out.append("<pre class=\"traceback\">")
                        .append(Html.escape(TerminalText.render(String.join("\n", e.traceback()))))
                        .append("</pre>");
            }
            out.append("</div>");
        }

        /**
         * Shows the richest representation that is present and usable. A Pageframe chart's picture (a
         * bundle with an {@code application/vnd.pageframe.*} entry) is marked {@code chart}, so it fills the
         * column as the app's chart fills its card.
         */
        private void bundle(MimeBundle data, ObjectNode metadata) {
            String chart = data.mimeTypes().stream().anyMatch(m -> m.startsWith(PAGEFRAME_VND)) ? " chart" : "";
            for (String mime : MIME_PREFERENCE) {
                Optional<String> text = data.text(mime);
                if (text.isEmpty()) {
                    continue;
                }
                String value = text.get();
                switch (mime) {
                    case "image/svg+xml" -> {
                        out.append("<div class=\"output svg").append(chart).append("\">")
                                .append(HtmlSanitizer.sanitize(value).strip()).append("</div>");
                        return;
                    }
                    case "image/png", "image/jpeg", "image/gif" -> {
                        if (BASE64.matcher(value).matches()) {
                            image(mime, WHITESPACE.matcher(value).replaceAll(""), data, metadata.path(mime), chart);
                            return;
                        }
                    }
                    case "text/html" -> {
                        if (SCRIPT.matcher(value).find()) {
                            // Script-drawn output (a plotly chart, a widget): the page runs no script, so the HTML
                            // would be an empty box. A plainer representation shows something; without one, say so.
                            if (data.mimeTypes().stream().anyMatch(m -> !m.equals("text/html")
                                    && MIME_PREFERENCE.indexOf(m) > MIME_PREFERENCE.indexOf("text/html"))) {
                                continue;
                            }
                            out.append("<div class=\"output unknown\">This output is drawn by a script, which the"
                                    + " exported page does not run.</div>");
                        }
                        out.append("<div class=\"output html\">").append(HtmlSanitizer.sanitize(value)).append("</div>");
                        return;
                    }
                    case "text/markdown" -> {
                        out.append("<div class=\"output markdown\">").append(markdown.render(value, src -> null))
                                .append("</div>");
                        return;
                    }
                    default -> {
                        plain(value);
                        return;
                    }
                }
            }
            Optional<JsonNode> json = data.json("application/json");
            if (json.isPresent()) {
                plain(json.get().toPrettyString());
            } else if (!data.isEmpty()) {
                out.append("<div class=\"output unknown\">An output of type ")
                        .append(Html.escape(String.join(", ", data.mimeTypes()))).append(" is not shown.</div>");
            }
        }

        private void plain(String text) {
            out.append("<pre class=\"output text\">").append(Html.escape(TerminalText.render(text))).append("</pre>");
        }

        private void image(String mime, String base64, MimeBundle data, JsonNode imageMetadata, String chart) {
            out.append("<div class=\"output image").append(chart).append("\"><img src=\"data:").append(mime).append(";base64,")
                    .append(base64).append('"');
            String alt = data.text("text/plain").map(String::strip).orElse("");
            if (alt.length() > ALT_TEXT_LIMIT) {
                alt = alt.substring(0, ALT_TEXT_LIMIT) + "…";
            }
            out.append(" alt=\"").append(Html.attr(alt)).append('"');
            for (String dim : List.of("width", "height")) {
                JsonNode v = imageMetadata.path(dim);
                if (v.canConvertToInt() && v.isNumber() && v.asInt() > 0) {
                    out.append(' ').append(dim).append("=\"").append(v.asInt()).append('"');
                }
            }
            out.append("></div>");
        }
    }

    /**
     * Joins each run of stream outputs of one name into one, as Jupyter shows them (nbconvert's coalesce_streams):
     * {@code print("a", end="")} then {@code print("b")} is one line, and a progress line redrawn with {@code \r}
     * across outputs ends as its last state.
     */
    static List<Output> coalesceStreams(List<Output> outputs) {
        List<Output> out = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            if (o instanceof Output.Stream s && !out.isEmpty() && out.getLast() instanceof Output.Stream last
                    && last.name().equals(s.name())) {
                out.set(out.size() - 1, new Output.Stream(s.name(), last.text() + s.text(), null));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** The data: URI for {@code attachment:NAME} from the cell's attachments, or null. */
    static String attachment(Cell cell, String src) {
        if (!src.startsWith("attachment:")) {
            return null;
        }
        String name = src.substring("attachment:".length());
        Map<String, MimeBundle> attachments = cell.attachmentsOrEmpty();
        MimeBundle bundle = attachments.get(name);
        if (bundle == null) {
            try {
                bundle = attachments.get(URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                bundle = null;
            }
        }
        if (bundle == null) {
            return null;
        }
        for (String mime : List.of("image/png", "image/jpeg", "image/gif", "image/webp")) {
            Optional<String> v = bundle.text(mime);
            if (v.isPresent() && BASE64.matcher(v.get()).matches()) {
                return "data:" + mime + ";base64," + WHITESPACE.matcher(v.get()).replaceAll("");
            }
        }
        Optional<String> svg = bundle.text("image/svg+xml");
        if (svg.isPresent() && !svg.get().stripLeading().startsWith("<") && BASE64.matcher(svg.get()).matches()) {
            // JupyterLab stores a pasted or dropped SVG base64-encoded, as it does a PNG.
            return "data:image/svg+xml;base64," + WHITESPACE.matcher(svg.get()).replaceAll("");
        }
        if (svg.isPresent()) {
            // Inside <img> an SVG cannot run script; base64 keeps the URI free of quotes and brackets.
            return "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
                    .encodeToString(svg.get().getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static boolean isJava(ObjectNode metadata) {
        String language = metadata.path("language_info").path("name").asText(
                metadata.path("kernelspec").path("language").asText("java"));
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.equals("java") || lower.equals("jshell");
    }

    private static String rawFormat(ObjectNode metadata) {
        String format = metadata.path("format").asText(metadata.path("raw_mimetype").asText(""));
        return format.toLowerCase(Locale.ROOT).strip();
    }
}
