package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class UnindexedFileManagerTest {
    private static JShell shell(boolean unindexed) {
        JShell.Builder builder = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of());
        return (unindexed ? builder.fileManager(UnindexedFileManager::new) : builder).build();
    }

    /** The qualified names JShell's class index knows for {@code ArrayList}, once indexing has finished. */
    private static List<String> indexedNames(JShell shell) throws InterruptedException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        for (int attempt = 0; attempt < 600; attempt++) {
            SourceCodeAnalysis.QualifiedNames names = analysis.listQualifiedNames("ArrayList", "ArrayList".length());
            if (names.isUpToDate()) {
                return names.getNames();
            }
            Thread.sleep(100); // polling the background indexer, bounded at a minute
        }
        throw new AssertionError("JShell's indexing did not finish within a minute");
    }

    @Test
    void theKernelsJShellIndexesNoClassesWhileAStandardOneDoes() throws InterruptedException {
        try (JShell standard = shell(false); JShell kernel = shell(true)) {
            assertTrue(indexedNames(standard).contains("java.util.ArrayList"));
            assertEquals(List.of(), indexedNames(kernel));
        }
    }

    @Test
    void snippetsStillCompileAgainstTheJdkAndTheClassPath() {
        try (JShell kernel = shell(true)) {
            assertEquals(Snippet.Status.VALID, kernel.eval("java.util.List<Integer> listed = java.util.List.of(1);").getFirst().status());
            assertEquals(Snippet.Status.VALID,
                    kernel.eval("Object found = dev.pageframe.execution.agent.CellContext.class;").getFirst().status());
        }
    }
}
