package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class KernelFileManagerTest {
    private static JShell shell(boolean kernel) {
        JShell.Builder builder = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of());
        return (kernel ? builder.fileManager(KernelFileManager::new) : builder).build();
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

    /** A standard file manager that counts the options it is handed, by option and value. */
    private static StandardJavaFileManager counting(StandardJavaFileManager standard, Map<String, Integer> handled) {
        return (StandardJavaFileManager) Proxy.newProxyInstance(KernelFileManagerTest.class.getClassLoader(),
            new Class<?>[] {StandardJavaFileManager.class}, (proxy, method, args) -> {
                if (method.getName().equals("handleOption")) {
                    @SuppressWarnings("unchecked")
                    Iterator<String> remaining = (Iterator<String>) args[1];
                    List<String> values = new ArrayList<>();
                    remaining.forEachRemaining(values::add);
                    handled.merge(args[0] + " " + String.join(" ", values), 1, Integer::sum);
                    args[1] = values.iterator();
                }
                try {
                    return method.invoke(standard, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    @Test
    void theClassPathReachesJavacsFileManagerOnceHoweverManySnippetsRun() {
        Map<String, Integer> handled = new TreeMap<>();
        try (JShell kernel = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"))
                .fileManager(standard -> new KernelFileManager(counting(standard, handled))).build()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(Snippet.Status.VALID, kernel.eval("int page" + i + " = " + i + ";").getFirst().status());
            }
        }
        // Each snippet is several javac tasks, and each task hands the class path over again; passed
        // on, every one of them would drop javac's index of the class path's directories.
        assertEquals(1, handled.get("--class-path " + System.getProperty("java.class.path")), handled::toString);
        assertEquals(1, handled.entrySet().stream().filter(e -> e.getKey().startsWith("--multi-release"))
            .mapToInt(Map.Entry::getValue).sum(), handled::toString);
    }

    @Test
    void aClassPathAddedDuringTheSessionIsPassedOnAndCompiledAgainst(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/extra/Frames.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package extra; public class Frames { public static int count() { return 512; } }");
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, rc);
        try (JShell kernel = shell(true)) {
            assertEquals(Snippet.Status.VALID, kernel.eval("int before = 1;").getFirst().status());
            assertEquals(Snippet.Status.REJECTED, kernel.eval("int n = extra.Frames.count();").getFirst().status());
            kernel.addToClasspath(classes.toString());
            assertEquals(Snippet.Status.VALID, kernel.eval("int m = extra.Frames.count();").getFirst().status());
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
