package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.DebianPython;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against nbclient, the library behind {@code jupyter nbconvert --execute}: the same
 * cell structure (tags, which cells fail, blank and markdown cells) is written as a Python notebook, run
 * by Debian's nbclient on an IPython kernel, and as a Pageframe notebook, run by {@code pageframe run}.
 * Every code cell starts with an old output and count 99, as if from an earlier run. Which cells ran, their
 * execution counts, which stored an error and which kept the old output must agree, but for one deliberate
 * difference: a cell nbclient left unrun because the run stopped keeps its old output there, and is cleared
 * by {@code pageframe run} (the rule, so old outputs never pass for this run's).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class RunDifferentialTest {
    /** What a cell does, in either language. */
    enum Kind { OK, FAILS, BLANK, MARKDOWN }

    /** One cell of a case: what it does and its tags. */
    record Spec(Kind kind, String... tags) {}

    private static final String OLD = "old\n";
    private static final int OLD_COUNT = 99;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNbclient() {
        DebianPython.assume("nbformat, nbclient, ipykernel", "python3-nbformat python3-nbclient python3-ipykernel");
    }

    static Stream<Arguments> cases() {
        Spec ok = new Spec(Kind.OK);
        Spec fails = new Spec(Kind.FAILS);
        Spec raises = new Spec(Kind.FAILS, "raises-exception");
        Spec skipFailing = new Spec(Kind.FAILS, "skip-execution");
        Spec skipOk = new Spec(Kind.OK, "skip-execution");
        Spec blank = new Spec(Kind.BLANK);
        Spec md = new Spec(Kind.MARKDOWN);
        return Stream.of(
                Arguments.of("stops at the first failure", false, List.of(ok, md, fails, ok, ok)),
                Arguments.of("a raises-exception cell does not stop", false, List.of(ok, raises, ok, fails, ok)),
                Arguments.of("allow errors runs every cell", true, List.of(ok, fails, ok)),
                Arguments.of("allow errors with tags", true, List.of(fails, raises, ok, fails, ok)),
                Arguments.of("skip-execution cells are not run", false, List.of(skipFailing, ok, skipOk, ok)),
                Arguments.of("blank and markdown cells take no count", false, List.of(md, ok, blank, ok, raises, blank, ok)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pageframeRunAgreesWithNbclient(String name, boolean allowErrors, List<Spec> cells) throws Exception {
        Path python = dir.resolve("python.ipynb");
        Files.writeString(python, pythonNotebook(cells));
        DebianPython.Result reference = DebianPython.runResource("/nbclient/execute.py", dir, python.toString(),
                allowErrors ? "allow" : "stop");
        assertEquals(0, reference.exit(), "nbclient failed:\n" + reference.err());
        ArrayNode expected = (ArrayNode) new ObjectMapper().readTree(reference.out());
        List<Spec> code = cells.stream().filter(c -> c.kind() != Kind.MARKDOWN).toList();
        for (int i = 0; i < code.size(); i++) {
            Spec s = code.get(i);
            boolean wouldRun = s.kind() != Kind.BLANK && !List.of(s.tags()).contains("skip-execution");
            if (wouldRun && expected.get(i).get(0).asInt() == OLD_COUNT) {
                // Not run by nbclient although it would have been: the run stopped. Pageframe clears it.
                expected.set(i, JsonNodeFactory.instance.arrayNode().addNull().add(false).add(false));
            }
        }

        Path java = dir.resolve("java.ipynb");
        new NotebookFiles().save(java, javaNotebook(cells));
        Path saved = dir.resolve("java.out.ipynb");
        List<String> args = new ArrayList<>(List.of("run", java.toString(), "-o", saved.toString()));
        if (allowErrors) {
            args.add("--allow-errors");
        }
        Cli.Result r = new Cli().runners(NotebookRunner::installed).run(args.toArray());
        Notebook ran = new NotebookFiles().load(saved).notebook();
        ArrayNode actual = JsonNodeFactory.instance.arrayNode();
        for (Cell c : ran.cells()) {
            if (c.type() == CellType.CODE) {
                ArrayNode pair = actual.addArray();
                if (c.executionCount() == null) {
                    pair.addNull();
                } else {
                    pair.add(c.executionCount());
                }
                pair.add(c.outputs().stream().anyMatch(o -> o instanceof Output.ErrorOutput));
                pair.add(c.outputs().stream().anyMatch(o -> o instanceof Output.Stream st && st.text().equals(OLD)));
            }
        }
        assertEquals(expected.toString(), actual.toString(),
                name + ": [execution_count, has error, kept old output] per code cell\n" + r.err());
    }

    private static String pythonNotebook(List<Spec> specs) {
        ObjectNode nb = JsonNodeFactory.instance.objectNode();
        ArrayNode cells = nb.putArray("cells");
        int n = 0;
        for (Spec s : specs) {
            n++;
            ObjectNode c = cells.addObject();
            c.put("cell_type", s.kind() == Kind.MARKDOWN ? "markdown" : "code");
            c.put("id", "cell-" + n);
            ObjectNode md = c.putObject("metadata");
            for (String t : s.tags()) {
                md.withArray("tags").add(t);
            }
            c.put("source", switch (s.kind()) {
                case OK -> "print('cell " + n + "')";
                case FAILS -> "raise RuntimeError('cell " + n + "')";
                case BLANK -> "  \n";
                case MARKDOWN -> "Some text.";
            });
            if (s.kind() != Kind.MARKDOWN) {
                c.putArray("outputs").addObject().put("output_type", "stream").put("name", "stdout").put("text", OLD);
                c.put("execution_count", OLD_COUNT);
            }
        }
        ObjectNode metadata = nb.putObject("metadata");
        ObjectNode spec = metadata.putObject("kernelspec");
        spec.put("name", "python3").put("display_name", "Python 3").put("language", "python");
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        return nb.toPrettyString();
    }

    private static Notebook javaNotebook(List<Spec> specs) {
        List<Cell> cells = new ArrayList<>();
        int n = 0;
        for (Spec s : specs) {
            n++;
            ObjectNode md = JsonNodeFactory.instance.objectNode();
            for (String t : s.tags()) {
                md.withArray("tags").add(t);
            }
            String source = switch (s.kind()) {
                case OK -> "System.out.println(\"cell " + n + "\");";
                case FAILS -> "throw new IllegalStateException(\"cell " + n + "\");";
                case BLANK -> "  \n";
                case MARKDOWN -> "Some text.";
            };
            CellType type = s.kind() == Kind.MARKDOWN ? CellType.MARKDOWN : CellType.CODE;
            boolean code = type == CellType.CODE;
            cells.add(new Cell("cell-" + n, type, md, source, null, code ? List.of(Output.Stream.stdout(OLD)) : List.of(),
                    code ? OLD_COUNT : null, null));
        }
        return Notebook.newEmpty().withMachine(MachineSpec.DEFAULT).withCells(cells);
    }
}
