import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.api.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs every code cell of Pageframe notebooks (and every ```java example block of the Markdown
 * docs) in a real JShell, on the machine the file asks for, and fails on the first cell that does
 * not compile, throws, or returns to the notebook with a spinlock still held. An exercise's answer cell runs its
 * reference solution ({@code metadata.pageframe.exercise.solution}), so its check cell must pass.
 *
 * <p>Usage (from the repository root, JDK 25, after {@code mvn -o compile}):
 * {@code java --class-path target/classes notebooks/CheckNotebooks.java [-v] FILE...}
 * where FILE is an .ipynb or .md file. {@code -v} prints each cell's output.
 */
public final class CheckNotebooks {
    private static boolean verbose;

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) {
                verbose = true;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: CheckNotebooks [-v] FILE.ipynb|FILE.md ...");
            System.exit(2);
        }
        int failures = 0;
        int units = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        // One JShell (one agent JVM) for everything: each run drops every earlier snippet first.
        try (JShell shell = JShell.builder().out(ps).err(ps).build()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                shell.addToClasspath(Path.of(entry).toAbsolutePath().toString());
            }
            failures += runAll(shell, out, files);
            units = runs;
        }
        System.out.printf("%n%d run(s), %d failing cell(s)%n", units, failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int runs;
    private static List<String> currentPrelude = List.of();
    private static List<Snippet> preludeSnippets = List.of();

    static int runAll(JShell shell, ByteArrayOutputStream out, List<Path> files) throws Exception {
        int failures = 0;
        for (Path f : files) {
            if (!f.toString().endsWith(".md")) {
                List<String> problems = shapeProblems(f);
                problems.forEach(p -> System.out.println("  FAIL shape " + f + ": " + p));
                failures += problems.size();
            }
            List<Unit> work = f.toString().endsWith(".md") ? fromMarkdown(f) : List.of(fromNotebook(f));
            for (Unit u : work) {
                runs++;
                failures += run(shell, out, u);
            }
        }
        return failures;
    }

    /** One fresh machine and the cells to run on it. */
    record Unit(String label, String profile, String memory, long seed, List<Cell> cells) {}

    record Cell(String id, String source) {}

    // ------------------------------------------------------------------ inputs

    @SuppressWarnings("unchecked")
    static Unit fromNotebook(Path f) throws Exception {
        Map<String, Object> nb = (Map<String, Object>) new Json(Files.readString(f)).parse();
        Map<String, Object> meta = (Map<String, Object>) nb.getOrDefault("metadata", Map.of());
        Map<String, Object> pf = (Map<String, Object>) meta.getOrDefault("pageframe", Map.of());
        Map<String, Object> machine = (Map<String, Object>) pf.getOrDefault("machine", Map.of());
        String profile = (String) machine.getOrDefault("profile", "x86_64");
        String memory = (String) machine.getOrDefault("memory", "1G");
        long seed = machine.get("seed") instanceof Number n ? n.longValue() : 0;
        List<Cell> cells = new ArrayList<>();
        for (Object o : (List<Object>) nb.get("cells")) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (!"code".equals(c.get("cell_type"))) {
                continue;
            }
            Object src = c.get("source");
            String text = src instanceof List<?> l ? String.join("", (List<String>) l) : (String) src;
            // An exercise's answer cell runs its reference solution, so every check cell proves its exercise solvable.
            Map<String, Object> cellMeta = (Map<String, Object>) c.getOrDefault("metadata", Map.of());
            Map<String, Object> exercise = (Map<String, Object>) ((Map<String, Object>) cellMeta
                    .getOrDefault("pageframe", Map.of())).getOrDefault("exercise", Map.of());
            if (((List<Object>) cellMeta.getOrDefault("tags", List.of())).contains("exercise-answer")
                    && exercise.get("solution") instanceof String solution) {
                text = solution;
            }
            cells.add(new Cell(String.valueOf(c.get("id")), text));
        }
        return new Unit(f.toString(), profile, memory, seed, cells);
    }

    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** What a shipped notebook must look like: nbformat 4.5, unique ids, the Pageframe kernel, an outputs list per code cell. */
    @SuppressWarnings("unchecked")
    static List<String> shapeProblems(Path f) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Object> nb = (Map<String, Object>) new Json(Files.readString(f)).parse();
        if (!Long.valueOf(4).equals(nb.get("nbformat")) || !Long.valueOf(5).equals(nb.get("nbformat_minor"))) {
            problems.add("nbformat must be 4.5, is " + nb.get("nbformat") + "." + nb.get("nbformat_minor"));
        }
        Map<String, Object> meta = (Map<String, Object>) nb.getOrDefault("metadata", Map.of());
        Map<String, Object> ks = (Map<String, Object>) meta.getOrDefault("kernelspec", Map.of());
        if (!"pageframe-java".equals(ks.get("name")) || !"java".equals(ks.get("language"))) {
            problems.add("kernelspec must be pageframe-java / java, is " + ks);
        }
        Map<String, Object> li = (Map<String, Object>) meta.getOrDefault("language_info", Map.of());
        if (!"java".equals(li.get("name"))) {
            problems.add("language_info.name must be java");
        }
        Map<String, Object> pf = (Map<String, Object>) meta.getOrDefault("pageframe", Map.of());
        Map<String, Object> machine = (Map<String, Object>) pf.getOrDefault("machine", Map.of());
        if (!(machine.get("profile") instanceof String profile) || !(machine.get("memory") instanceof String)) {
            problems.add("metadata.pageframe.machine needs profile and memory");
        } else {
            try {
                MachineProfiles.byName(profile);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Object o : (List<Object>) nb.get("cells")) {
            Map<String, Object> c = (Map<String, Object>) o;
            Object id = c.get("id");
            if (!(id instanceof String s) || !CELL_ID.matcher(s).matches()) {
                problems.add("bad cell id " + id);
            } else if (!ids.add(s)) {
                problems.add("duplicate cell id " + s);
            }
            // Notebooks ship with the outputs of a fresh run; ShippedNotebooksTest checks that they are.
            if ("code".equals(c.get("cell_type")) && !(c.get("outputs") instanceof List<?>)) {
                problems.add("code cell " + id + " has no outputs list");
            }
        }
        return problems;
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^```java([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern OPT = Pattern.compile("(profile|memory)=(\\S+)");

    /** Each ```java block marked "example" runs alone on a fresh machine (profile=... memory=... to choose). */
    static List<Unit> fromMarkdown(Path f) throws Exception {
        String text = Files.readString(f);
        List<Unit> units = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        int n = 0;
        while (m.find()) {
            String info = m.group(1);
            if (!info.contains("example")) {
                continue;
            }
            n++;
            String profile = "x86_64";
            String memory = "1G";
            Matcher o = OPT.matcher(info);
            while (o.find()) {
                if (o.group(1).equals("profile")) {
                    profile = o.group(2);
                } else {
                    memory = o.group(2);
                }
            }
            units.add(new Unit(f + " example " + n, profile, memory, 0, List.of(new Cell("example-" + n, m.group(2)))));
        }
        return units;
    }

    // ------------------------------------------------------------------ running

    static int run(JShell shell, ByteArrayOutputStream out, Unit u) {
        System.out.printf("== %s (%s, %s): %d code cell(s)%n", u.label(), u.profile(), u.memory(), u.cells().size());
        int failures = 0;
        {
            // A clean slate, as a restarted kernel: drop every snippet but an identical prelude.
            // The engine's prelude plus what a notebook kernel adds: display(...) and the chart builders.
            List<String> prelude = new ArrayList<>(Session.prelude(MachineProfiles.byName(u.profile())));
            prelude.addAll(dev.pageframe.execution.NotebookExecution.CELL_IMPORTS);
            if (!prelude.equals(currentPrelude)) {
                shell.snippets().toList().forEach(shell::drop);
                String preludeError = evalAll(shell, String.join("\n", prelude));
                if (preludeError != null) {
                    System.out.println("  FAIL prelude: " + preludeError);
                    return 1;
                }
                currentPrelude = prelude;
                preludeSnippets = shell.snippets().toList();
            } else {
                shell.snippets().filter(sn -> !preludeSnippets.contains(sn)).toList().forEach(shell::drop);
            }
            String setupError = evalAll(shell, String.format("dev.pageframe.engine.api.Session.boot(\"%s\", \"%s\", %dL);",
                u.profile(), u.memory(), u.seed()));
            if (setupError != null) {
                System.out.println("  FAIL setup: " + setupError);
                return 1;
            }
            out.reset();
            for (Cell c : u.cells()) {
                long t0 = System.nanoTime();
                String error = evalAll(shell, c.source());
                if (error == null) {
                    // The notebook kernel checks this when a cell returns, as Linux does on return to user space.
                    error = evalAll(shell, "java.util.Optional.of(dev.pageframe.engine.api.Session.kernel().return_to_user())"
                        + ".map(r -> r.isEmpty() ? \"\" : \"FAIL: cell ended holding a lock: \" + r).get()");
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String output = out.toString(StandardCharsets.UTF_8);
                out.reset();
                if (error != null) {
                    failures++;
                    System.out.printf("  FAIL cell %s (%d ms): %s%n", c.id(), ms, error);
                    System.out.println(indent(c.source(), "    | "));
                    if (!output.isEmpty()) {
                        System.out.println(indent(output, "    > "));
                    }
                } else {
                    System.out.printf("  ok   cell %s (%d ms)%n", c.id(), ms);
                    if (verbose && !output.isEmpty()) {
                        System.out.println(indent(output, "    > "));
                    }
                }
            }
        }
        return failures;
    }

    /** Evaluates a cell snippet by snippet, as the notebook's kernel does; returns an error text or null. */
    static String evalAll(JShell shell, String source) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                return "incomplete code at: " + firstLine(remaining);
            }
            String snippet = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.causeSnippet() != null) {
                    continue; // an update of an earlier snippet, not this one
                }
                if (e.exception() != null) {
                    String cls = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                        : e.exception().getClass().getName();
                    if (e.exception() instanceof UnresolvedReferenceException ure) {
                        return "unresolved reference in: " + firstLine(ure.getSnippet().source());
                    }
                    return cls + ": " + e.exception().getMessage() + "  [at: " + firstLine(snippet) + "]";
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    StringBuilder sb = new StringBuilder("does not compile: " + firstLine(snippet));
                    shell.diagnostics(e.snippet()).forEach((Diag d) -> sb.append("\n      ").append(d.getMessage(null)));
                    return sb.toString();
                }
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    return "refers to something undefined: " + firstLine(snippet);
                }
                if (e.value() != null && e.value().startsWith("\"FAIL: ")) {
                    return e.value();
                }
            }
        }
        return null;
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }

    static String indent(String s, String prefix) {
        return prefix + s.stripTrailing().replace("\n", "\n" + prefix);
    }

    // ------------------------------------------------------------------ a small JSON reader

    /** Just enough JSON for notebook files: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character");
            }
            String t = s.substring(start, i);
            return t.contains(".") || t.contains("e") || t.contains("E") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return v;
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
