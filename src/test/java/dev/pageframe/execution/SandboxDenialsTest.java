package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxDenialsTest {
    private static ErrorOutput error(String ename, String evalue, String... more) {
        List<String> lines = new java.util.ArrayList<>(List.of(ename + ": " + evalue));
        lines.addAll(List.of(more));
        return new ErrorOutput(ename, evalue, lines, 1);
    }

    @Test
    void aDeniedProgramLosesTheSpawnHelpersAdviceAndNamesTheSandbox() {
        ErrorOutput e = SandboxDenials.explain(error("java.io.IOException",
                "Cannot run program \"/bin/sh\": posix_spawn failed, error: 13 (Permission denied)\nPossible reasons:\n  - x",
                "    at (cell [1], line 1)", "Caused by: java.io.IOException: posix_spawn failed\nPossible reasons:"));
        assertEquals("Cannot run program \"/bin/sh\": " + SandboxDenials.PROGRAMS, e.evalue());
        assertEquals(List.of("java.io.IOException: " + e.evalue(), "    at (cell [1], line 1)",
                "Caused by: java.io.IOException: posix_spawn failed"), e.traceback());
    }

    @Test
    void aDenialDeeperInTheChainGetsANote() {
        ErrorOutput e = SandboxDenials.explain(error("java.util.concurrent.ExecutionException", "boom",
                "Caused by: java.nio.file.AccessDeniedException: /etc/shadow"));
        assertEquals("boom", e.evalue());
        assertEquals("(/etc/shadow: " + SandboxDenials.FILES + ")", e.traceback().getLast());
    }

    @Test
    void otherErrorsAreLeftAlone() {
        ErrorOutput missing = error("java.nio.file.NoSuchFileException", "/nope");
        assertSame(missing, SandboxDenials.explain(missing));
        ErrorOutput refused = error("java.net.ConnectException", "Connection refused");
        assertSame(refused, SandboxDenials.explain(refused));
    }
}
