package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    /** A command line whose desktop app only records the arguments it was launched with. */
    private static Cli recording(AtomicReference<String[]> launched) {
        return new Cli().gui(args -> {
            launched.set(args);
            return true;
        });
    }


    @Test
    void versionPrintsTheProgramVersion() {
        Cli.Result r = new Cli().run("--version");
        assertEquals(0, r.exit());
        assertEquals("pageframe " + Main.VERSION + System.lineSeparator(), r.out());
        // Each command's help lists -V too, so each prints the same.
        for (String command : new String[] {"run", "export", "validate", "trust"}) {
            for (String option : new String[] {"-V", "--version"}) {
                Cli.Result sub = new Cli().run(command, option);
                assertEquals(0, sub.exit(), command + " " + option);
                assertEquals("pageframe " + Main.VERSION + System.lineSeparator(), sub.out(), command + " " + option);
            }
        }
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result r = new Cli().run("--help");
        assertEquals(0, r.exit());
        for (String word : new String[] {"validate", "trust", "export", "run", "Exit codes:", "0   success",
                "2   usage error", "3   run: cell execution is not available"}) {
            assertTrue(r.out().contains(word), word + " in\n" + r.out());
        }
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command : new String[] {"validate", "trust", "export", "run"}) {
            Cli.Result r = new Cli().run(command, "--help");
            assertEquals(0, r.exit(), command);
            assertTrue(r.out().contains("Exit codes:"), command);
        }
    }

    @Test
    void noArgumentsOpensTheDesktopApp() {
        AtomicReference<String[]> launched = new AtomicReference<>();
        Cli.Result r = recording(launched).run();
        assertEquals(0, r.exit());
        assertArrayEquals(new String[0], launched.get());
    }

    @Test
    void oneFileArgumentOpensItInTheDesktopApp(@TempDir Path dir) throws Exception {
        String lesson = Files.writeString(dir.resolve("lesson.ipynb"), "{}").toString();
        AtomicReference<String[]> launched = new AtomicReference<>();
        Cli.Result r = recording(launched).run(lesson);
        assertEquals(0, r.exit());
        assertArrayEquals(new String[] {lesson}, launched.get());
    }

    @Test
    void aWordThatIsNoFileAndNoCommandSaysSoWithoutStartingTheApp() {
        AtomicReference<String[]> launched = new AtomicReference<>();
        Cli.Result r = recording(launched).run("validte");
        assertEquals(2, r.exit());
        assertNull(launched.get(), "the desktop app must not start");
        assertEquals("pageframe: no such file or command: validte (the commands are validate, trust, export, run;"
                + " try 'pageframe --help')" + System.lineSeparator(), r.err());

        // With the file after it, the mistyped command is still what is named.
        Cli.Result withFile = recording(launched).run("runn", "tour.ipynb");
        assertEquals(2, withFile.exit());
        assertNull(launched.get(), "the desktop app must not start");
        assertEquals("pageframe: no such file or command: runn (the commands are validate, trust, export, run;"
                + " try 'pageframe --help')" + System.lineSeparator(), withFile.err());
    }

    @Test
    void noDisplayIsReportedInOneLineWithoutADoubledPrefix(@TempDir Path dir) throws Exception {
        String lesson = Files.writeString(dir.resolve("lesson.ipynb"), "{}").toString();
        Cli.Result r = new Cli().gui(args -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }).run(lesson);
        assertEquals(1, r.exit());
        assertEquals("pageframe: cannot open the desktop app: Unable to open DISPLAY; the commands (validate, trust,"
                + " export, run) need no display" + System.lineSeparator(), r.err());
    }

    @Test
    void anErrorInTheTopCommandIsPrefixedOnce(@TempDir Path dir) throws Exception {
        String lesson = Files.writeString(dir.resolve("lesson.ipynb"), "{}").toString();
        Cli.Result r = new Cli().gui(args -> {
            throw new IllegalStateException("the toolkit broke");
        }).run(lesson);
        assertEquals(1, r.exit());
        assertEquals("pageframe: error: the toolkit broke" + System.lineSeparator(), r.err());
    }

    @Test
    void withoutTheDesktopAppItPrintsUsageAndExits2(@TempDir Path dir) throws Exception {
        String lesson = Files.writeString(dir.resolve("lesson.ipynb"), "{}").toString();
        Cli.Result r = new Cli().gui(args -> false).run(lesson);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("desktop app is not part of this build"), r.err());
        assertTrue(r.err().contains("Usage: pageframe"), r.err());
    }

    @Test
    void theReflectiveLauncherFindsTheDesktopAppsEntryPoint() throws Exception {
        // Launching it here would start a second JavaFX application in this JVM; check the contract instead.
        java.lang.reflect.Method m = Class.forName(GuiLauncher.APP_CLASS).getMethod("launchApp", String[].class);
        assertTrue(java.lang.reflect.Modifier.isStatic(m.getModifiers()));
    }

    @Test
    void severalNotebooksOpenTogetherAsAFileManagerPassesThem(@TempDir Path dir) throws Exception {
        // The desktop entry's Exec line ends in %F: a file manager passes every notebook the user opens at once.
        String a = Files.writeString(dir.resolve("a.ipynb"), "{}").toString();
        String b = Files.writeString(dir.resolve("b lesson.ipynb"), "{}").toString();
        AtomicReference<String[]> launched = new AtomicReference<>();
        Cli.Result r = recording(launched).run(a, b);
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(new String[] {a, b}, launched.get());
    }

    @Test
    void aMissingOneAmongSeveralFilesIsNamedAndNothingOpens(@TempDir Path dir) throws Exception {
        String a = Files.writeString(dir.resolve("a.ipynb"), "{}").toString();
        AtomicReference<String[]> launched = new AtomicReference<>();
        Cli.Result r = recording(launched).run(a, "missing.ipynb");
        assertEquals(2, r.exit());
        assertNull(launched.get());
        assertTrue(r.err().startsWith("pageframe: no such file or command: missing.ipynb"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = new Cli().run("validate", "--frobnicate", "x.ipynb");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }
}
