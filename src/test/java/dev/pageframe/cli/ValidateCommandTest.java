package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void aGoodNotebookIsOkAndExits0() throws Exception {
        Path good = Cli.fixture("rich.ipynb", dir);
        Cli.Result r = new Cli().run("validate", good);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(good + ": ok"), lines(r.out()));
    }

    @Test
    void brokenJsonIsReportedWithLineAndColumnAndExits1() throws Exception {
        Path broken = Cli.malformed(dir);
        Cli.Result r = new Cli().run("validate", broken);
        assertEquals(1, r.exit());
        List<String> out = lines(r.out());
        assertEquals(1, out.size(), r.out());
        assertTrue(out.get(0).matches("\\Q" + broken + "\\E: line \\d+, column \\d+: .+"), out.get(0));
    }

    @Test
    void duplicateIdsAreReportedWithTheirJsonPathAndExit1() throws Exception {
        Path dupes = Cli.duplicateIds(dir);
        Cli.Result r = new Cli().run("validate", dupes);
        assertEquals(1, r.exit());
        assertEquals(List.of(dupes + ": cells[1].id: duplicate id \"same\" (also used by cells[0]) (opening or running the"
                + " notebook gives the cell a new id)"), lines(r.out()));
    }

    @Test
    void everyFileIsCheckedAndOneBadFileFailsTheRun() throws Exception {
        Path good = Cli.fixture("rich.ipynb", dir);
        Path dupes = Cli.duplicateIds(dir);
        Path empty = Cli.fixture("empty.ipynb", dir);
        Cli.Result r = new Cli().run("validate", good, dupes, empty);
        assertEquals(1, r.exit());
        List<String> out = lines(r.out());
        assertEquals(good + ": ok", out.get(0));
        assertTrue(out.get(1).startsWith(dupes + ": cells[1].id: "), out.get(1));
        assertEquals(empty + ": ok", out.get(2));
    }

    @Test
    void aMissingFileIsReportedAsInvalid() {
        Path missing = dir.resolve("nope.ipynb");
        Cli.Result r = new Cli().run("validate", missing);
        assertEquals(1, r.exit());
        assertEquals(List.of(missing + ": no such file"), lines(r.out()));
    }

    @Test
    void noFilesIsAUsageError() {
        Cli.Result r = new Cli().run("validate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("NOTEBOOK"), r.err());
    }
}
