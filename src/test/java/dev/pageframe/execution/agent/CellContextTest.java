package dev.pageframe.execution.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellContextTest {

    @Test
    void outsideAKernelDisplayPrintsThePlainTextAndProgressIsIgnored() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CellContext.display(Map.of("text/plain", "plain", "text/html", "<i>html</i>"));
            CellContext.progress(1, 2, "half");
        } finally {
            System.setOut(original);
        }
        assertEquals("plain" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void emptyBundleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CellContext.display(Map.of()));
    }
}
