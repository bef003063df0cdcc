package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCommandTest {
    @TempDir
    Path dir;

    @Test
    void signsTheNotebookInTheGivenConfigDirectory() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Path config = dir.resolve("config");
        NotebookTrust trust = new NotebookTrust(config);
        assertFalse(trust.isTrusted(new NotebookReader().read(nb).notebook()));

        Cli.Result r = new Cli().run("trust", "--config-dir", config, nb);

        assertEquals(0, r.exit(), r.err());
        assertEquals("Signed " + nb + System.lineSeparator(), r.out());
        assertTrue(trust.isTrusted(new NotebookReader().read(nb).notebook()));
    }

    @Test
    void theConfigDirectoryCanComeFromASystemProperty() throws Exception {
        Path nb = Cli.fixture("rich.ipynb", dir);
        Path config = dir.resolve("from-property");
        String before = System.getProperty(TrustCommand.CONFIG_DIR_PROPERTY);
        System.setProperty(TrustCommand.CONFIG_DIR_PROPERTY, config.toString());
        try {
            assertEquals(0, new Cli().run("trust", nb).exit());
        } finally {
            if (before == null) {
                System.clearProperty(TrustCommand.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(TrustCommand.CONFIG_DIR_PROPERTY, before);
            }
        }
        assertTrue(new NotebookTrust(config).isTrusted(new NotebookReader().read(nb).notebook()));
    }

    @Test
    void refusesANotebookThatFailsToLoadWithTheError() throws Exception {
        Path broken = Cli.malformed(dir);
        Path config = dir.resolve("config");
        Cli.Result r = new Cli().run("trust", "--config-dir", config, broken);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(broken + ": not signed: line "), r.err());
        assertFalse(r.out().contains("Signed"));
        assertFalse(Files.exists(config.resolve("trusted-notebooks")));
    }

    @Test
    void refusesANotebookWhoseCellsHaveNoIds() throws Exception {
        Path legacy = Cli.fixture("v4.4-legacy.ipynb", dir);
        Cli.Result r = new Cli().run("trust", "--config-dir", dir.resolve("config"), legacy);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("its cells have no ids"), r.err());
    }

    @Test
    void signsTheGoodFilesAndReportsTheBadOnes() throws Exception {
        Path good = Cli.fixture("rich.ipynb", dir);
        Path broken = Cli.malformed(dir);
        Path config = dir.resolve("config");
        Cli.Result r = new Cli().run("trust", "--config-dir", config, broken, good);
        assertEquals(2, r.exit());
        assertEquals("Signed " + good + System.lineSeparator(), r.out());
        assertTrue(new NotebookTrust(config).isTrusted(new NotebookReader().read(good).notebook()));
    }
}
