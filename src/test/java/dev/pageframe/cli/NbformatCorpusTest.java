package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.DebianPython;
import dev.pageframe.notebook.LoadResult;
import dev.pageframe.notebook.NotebookFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small notebooks of our own, one per case of nbformat's test corpus (v2, v3, 4.0–4.5, a newer minor with a
 * cell type we do not know, missing and duplicate ids, bad metadata, many tracebacks, an unknown output
 * type), run through {@code validate}, open and save, and compared with what Jupyter's own nbformat says.
 */
class NbformatCorpusTest {
    /** The corpus, in src/test/resources/corpus. */
    static final List<String> CORPUS = List.of("v2.ipynb", "v3.ipynb", "v4.0.ipynb", "v4.1.ipynb", "v4.2.ipynb",
            "v4.3.ipynb", "v4.4.ipynb", "v4.5.ipynb", "v4.7-future-cell.ipynb", "missing-ids.ipynb",
            "duplicate-ids.ipynb", "bad-metadata.ipynb", "many-tracebacks.ipynb", "unknown-output.ipynb");
    /** Written by Jupyter's own writer, so saving them unchanged must give the same bytes. */
    static final List<String> CANONICAL = List.of("v4.5.ipynb", "many-tracebacks.ipynb", "v4.7-future-cell.ipynb");

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = NbformatCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            assertTrue(in != null, "no corpus file " + name);
            Files.copy(in, target);
        }
        return target;
    }

    /** What Pageframe says of one file. */
    record Ours(boolean valid, boolean opens, Path saved, String why) {}

    private Ours ours(Path file) throws IOException {
        ValidateCommand.Verdict verdict = ValidateCommand.check(file);
        LoadResult loaded;
        try {
            loaded = new NotebookFiles().load(file);
        } catch (IOException e) {
            return new Ours(verdict.ok(), false, null, e.getMessage());
        }
        Path saved = Files.createDirectories(dir.resolve("saved")).resolve(file.getFileName());
        new NotebookFiles().save(saved, loaded.notebook());
        return new Ours(verdict.ok(), true, saved, String.join("; ", verdict.errors()));
    }

    @Test
    void validateOpenAndSaveAgreeWithNbformat() throws Exception {
        DebianPython.assume("nbformat", "python3-nbformat");
        Map<String, Ours> ours = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (String name : CORPUS) {
            Path file = copy(name);
            Ours o = ours(file);
            ours.put(name, o);
            args.add(file.toString());
            if (o.saved() != null) {
                args.add(o.saved().toString());
            }
        }
        DebianPython.Result r = DebianPython.runResource("/nbclient/nbformat_verdicts.py", dir, args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        JsonNode jupyter = new ObjectMapper().readTree(r.out());
        List<String> disagreements = new ArrayList<>();
        for (String name : CORPUS) {
            Ours o = ours.get(name);
            JsonNode j = jupyter.get(dir.resolve(name).toString());
            if (j.get("valid").asBoolean() != o.valid()) {
                disagreements.add(name + ": validate says " + (o.valid() ? "valid" : "invalid (" + o.why() + ")")
                        + ", nbformat says " + (j.get("valid").asBoolean() ? "valid" : "invalid (" + j.get("error").asText() + ")"));
            }
            if (j.get("opens").asBoolean() != o.opens()) {
                disagreements.add(name + ": Pageframe " + (o.opens() ? "opens it" : "refuses it (" + o.why() + ")")
                        + ", Jupyter " + (j.get("opens").asBoolean() ? "opens it" : "refuses it"));
            }
            if (o.saved() != null && j.get("opens").asBoolean()) {
                boolean savedValid = jupyter.get(o.saved().toString()).get("valid").asBoolean();
                if (savedValid != j.get("saved_valid").asBoolean()) {
                    disagreements.add(name + ": the file Pageframe saves is " + (savedValid ? "valid" : "invalid")
                            + " to nbformat; the one Jupyter saves is " + (savedValid ? "invalid" : "valid"));
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void jupytersOwnFilesAreSavedBackByteForByte() throws Exception {
        for (String name : CANONICAL) {
            Path file = copy(name);
            Ours o = ours(file);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(o.saved()), name);
        }
    }

    @Test
    void aNewerMinorsUnknownCellIsKeptAsAReadOnlyKindAndValidateOnlyWarns() throws Exception {
        Path file = copy("v4.7-future-cell.ipynb");
        Cell future = new NotebookFiles().load(file).notebook().cells().get(1);
        assertEquals(CellType.UNKNOWN, future.type());
        assertEquals("future cell", future.typeName());
        assertEquals("something\nnewer", future.source());

        Cli.Result r = new Cli().run("validate", file);
        assertEquals(0, r.exit(), r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals(file + ": ok", lines.getLast());
        assertTrue(lines.contains(file + ": warning: cells[1].cell_type: unknown cell type \"future cell\", shown "
                + "read-only (nbformat 4.7 is newer than the 4.5 Pageframe knows; it is kept as it is)"), r.out());
        assertEquals(4, lines.size(), "warnings for the cell type, the cell field and the top-level field: " + r.out());
    }

    @Test
    void runSkipsTheUnknownCellAndSavesItUntouched() throws Exception {
        Path file = copy("v4.7-future-cell.ipynb");
        Cli.Result r = new Cli().runner(new FakeRunner()).run("run", file);
        assertEquals(0, r.exit(), r.err());
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"cell_type\": \"future cell\""), saved);
        assertTrue(saved.contains("\"shape\": {\n    \"rows\": 2\n   }"), saved);
        assertTrue(saved.contains("\"nbformat_minor\": 7"), saved);
    }
}
