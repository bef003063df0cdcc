package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class NotebookRoundTripTest {

    @ParameterizedTest
    @FieldSource("dev.pageframe.notebook.Fixtures#JUPYTER_WRITTEN")
    void unchangedNotebookRoundTripsByteForByte(String fixture) throws IOException {
        byte[] original = Fixtures.bytes(fixture);
        Notebook nb = Fixtures.load(fixture);
        byte[] written = NotebookWriter.toBytes(nb);
        assertEquals(new String(original, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(original, written), "bytes differ for " + fixture);
    }

    @Test
    void nbformat44FileUpgradesExactlyAsJupyterWouldSaveIt() throws IOException {
        LoadResult r = Fixtures.reader().read(Fixtures.path("v4.4-legacy.ipynb"));
        assertTrue(r.upgraded());
        assertEquals(4, r.originalNbformatMinor());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("saving upgrades it to nbformat 4.5")), r.notes().toString());
        assertEquals(Files.readString(Fixtures.path("v4.4-legacy.upgraded.ipynb")), NotebookWriter.toJson(r.notebook()));
    }

    @Test
    void nbformat3FileConvertsExactlyAsJupyterWouldSaveIt() throws IOException {
        LoadResult r = Fixtures.reader().read(Fixtures.path("v3-legacy.ipynb"));
        assertTrue(r.upgraded());
        assertEquals(3, r.originalNbformat());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("nbformat 3")), r.notes().toString());
        assertEquals(Files.readString(Fixtures.path("v3-legacy.upgraded.ipynb")), NotebookWriter.toJson(r.notebook()));
    }

    @Test
    void nbformat3HeadingsBecomeMarkdownWithHashes() throws IOException {
        Notebook nb = Fixtures.load("v3-legacy.ipynb");
        Cell heading = nb.cells().getFirst();
        assertEquals(CellType.MARKDOWN, heading.type());
        assertEquals("## Pages and frames", heading.source());
        Cell code = nb.cells().get(2);
        assertEquals(4, code.executionCount());
        assertEquals("x = 1\nx", code.source());
        assertTrue(code.outputs().get(1) instanceof Output.ExecuteResult er
                && er.data().json("application/json").orElseThrow().get("a").isArray());
        assertTrue(code.outputs().get(3) instanceof Output.ErrorOutput);
    }

    /**
     * Differential test against Jupyter itself: whatever Pageframe writes for notebooks with awkward text
     * (every Python line boundary, controls, astral characters, floats) Jupyter reads and writes back
     * unchanged, i.e. the Java writer produced exactly Jupyter's canonical form.
     */
    @Test
    void writtenNotebooksAreAFixedPointOfJupytersReadAndWrite(@TempDir Path dir) throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path f = dir.resolve("gen-" + i + ".ipynb");
            Files.writeString(f, NotebookWriter.toJson(NotebookGenerator.random(rnd)));
            files.add(f);
        }
        String script = String.join("\n",
                "import sys, nbformat",
                "for p in sys.argv[1:]:",
                "    nb = nbformat.read(p, as_version=4)",
                "    nbformat.write(nb, p + '.jupyter')");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), "python3-nbformat failed (is it installed?):\n" + log);
        for (Path f : files) {
            assertEquals(Files.readString(Path.of(f + ".jupyter")), Files.readString(f), f.getFileName().toString());
        }
    }
}
