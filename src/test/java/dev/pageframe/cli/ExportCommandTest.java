package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheHtmlBesideTheNotebookByDefault() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().run("export", nb, "--to", "html");
        assertEquals(0, r.exit(), r.err());
        Path html = dir.resolve("rich.html");
        assertEquals("Exported " + nb + " to " + html + System.lineSeparator(), r.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<title>Free lists</title>"));
        assertEquals(List.of("rich.html", "rich.ipynb"), files(), "no temporary files are left behind");
    }

    @Test
    void aPictureBesideTheNotebookGoesInsideThePage() throws Exception {
        Path png = Cli.fixture("rich.ipynb", dir).resolveSibling("map.png");
        Files.write(png, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="));
        Path nb = Files.writeString(dir.resolve("pictured.ipynb"), """
                {"cells": [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "![the map](map.png)"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        // Written to another folder: the picture is found beside the notebook.
        Files.createDirectories(dir.resolve("out"));
        Cli.Result r = new Cli().run("export", nb, "-o", dir.resolve("out").resolve("page.html"));
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(dir.resolve("out").resolve("page.html"));
        assertTrue(page.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"), page);
        assertFalse(page.contains("[image: the map]"), page);
    }

    @Test
    void writesToTheGivenOutputAndReplacesAnOldFile() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Path out = dir.resolve("site").resolve("lesson.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old");
        Cli.Result r = new Cli().run("export", nb, "-o", out);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out).contains("In&nbsp;[7]:"));
        assertFalse(Files.exists(dir.resolve("rich.html")));
    }

    @Test
    void exportingTwiceGivesTheSameBytes() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        new Cli().run("export", nb, "-o", dir.resolve("a.html"));
        new Cli().run("export", nb, "-o", dir.resolve("b.html"));
        assertEquals(-1L, Files.mismatch(dir.resolve("a.html"), dir.resolve("b.html")));
    }

    @Test
    void aNotebookWithoutCellIdsAlsoExportsToTheSameBytesEveryTime() throws Exception {
        Path nb = Cli.fixture("v4.4-legacy.ipynb", dir);
        assertEquals(0, new Cli().run("export", nb, "-o", dir.resolve("a.html")).exit());
        assertEquals(0, new Cli().run("export", nb, "-o", dir.resolve("b.html")).exit());
        assertEquals(-1L, Files.mismatch(dir.resolve("a.html"), dir.resolve("b.html")));
    }

    @Test
    void onlyHtmlIsAcceptedAsTheTargetFormat() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().run("export", nb, "--to", "pdf");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unsupported export format 'pdf': only html is supported"), r.err());
        assertEquals(List.of("rich.ipynb"), files());
    }

    @Test
    void aNotebookThatCannotBeReadIsAnError() throws Exception {
        Path broken = Cli.malformed(dir);
        Cli.Result r = new Cli().run("export", broken);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(broken + ": line "), r.err());
        assertEquals(List.of("broken.ipynb"), files());
    }

    @Test
    void refusesToOverwriteTheNotebookItself() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        byte[] before = Files.readAllBytes(nb);
        Cli.Result r = new Cli().run("export", nb, "-o", nb);
        assertEquals(2, r.exit());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(nb)));
    }

    @Test
    void theDefaultOutputSwapsTheExtension() {
        assertEquals(Path.of("a/b.html"), ExportCommand.defaultOutput(Path.of("a/b.ipynb")));
        assertEquals(Path.of("notes.html"), ExportCommand.defaultOutput(Path.of("notes")));
        assertEquals(Path.of(".hidden.html"), ExportCommand.defaultOutput(Path.of(".hidden")));
    }
}
