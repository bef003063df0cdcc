package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ReplClassFilesTest {
    private static JShell shell() {
        return JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of())
                .fileManager(KernelFileManager::new).build();
    }

    /** Evaluates one snippet that must compile, dropping a temporary variable as the kernel does. */
    private static void eval(JShell shell, String source) {
        List<SnippetEvent> events = shell.eval(source);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElseThrow();
        assertTrue(main.status().isActive(), () -> source + ": " + main.status() + " "
                + shell.diagnostics(main.snippet()).map(d -> d.getMessage(null)).toList());
        if (main.snippet() instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            shell.drop(v);
        }
    }

    @Test
    void theBuildsJvmsCanTrimClassFiles() {
        // Fails where jdk.jshell is not opened to the application (surefire's argLine, the jar's Add-Opens) or where a
        // JDK release moved what ReplClassFiles reaches: sessions would silently grow slower again.
        assertTrue(ReplClassFiles.available());
    }

    @Test
    void statementsExpressionsAndDroppedValuesLeaveNoClassFilesBehind() {
        try (JShell shell = shell()) {
            eval(shell, "int n = 3;");
            for (int i = 0; i < 40; i++) {
                eval(shell, "1 + n + " + i);
                eval(shell, "n += " + i + ";");
                eval(shell, "Math.max(n, " + i + ");");
            }
            assertTrue(ReplClassFiles.count(shell) > 100, "JShell keeps a class file per snippet");
            ReplClassFiles.sweep(shell);
            assertEquals(1, ReplClassFiles.count(shell), "only n's class is left");
            eval(shell, "n * 2");
        }
    }

    @Test
    void aReplacedDeclarationKeepsOnlyItsCurrentClass() {
        try (JShell shell = shell()) {
            eval(shell, "int f(int x) { return x; }");
            eval(shell, "int f(int x) { return x + 1; }");
            eval(shell, "long pages = 1;");
            eval(shell, "long pages = 2;");
            ReplClassFiles.sweep(shell);
            assertEquals(2, ReplClassFiles.count(shell));
            eval(shell, "f(1) + pages");
        }
    }

    @Test
    void declarationsThatWaitedForEachOtherStayUsable() {
        try (JShell shell = shell()) {
            assertEquals(Snippet.Status.RECOVERABLE_DEFINED, shell.eval("int a() { return b() + 1; }").getFirst().status());
            eval(shell, "int b() { return 2; }");
            eval(shell, "a() + b()");
            ReplClassFiles.sweep(shell);
            eval(shell, "a() + b()");
            eval(shell, "int b() { return 3; }");
            ReplClassFiles.sweep(shell);
            eval(shell, "a() * b()");
        }
    }

    @Test
    void nestedAndAnonymousTypesOfLiveDeclarationsStay() {
        try (JShell shell = shell()) {
            eval(shell, "var r = new Object() { int x = 5; };");
            eval(shell, "class Outer { class Inner {} static class Nested { int y = 7; } }");
            eval(shell, "record Block(int pfn, int order) { record Part(int pfn) {} }");
            eval(shell, "enum Zone { DMA, NORMAL }");
            eval(shell, "Runnable task = () -> {};");
            eval(shell, "Runnable job = new Runnable() { public void run() {} };");
            for (int i = 0; i < 5; i++) {
                eval(shell, "r.x + " + i);
            }
            ReplClassFiles.sweep(shell);
            eval(shell, "r.x + new Outer.Nested().y");
            eval(shell, "new Outer().new Inner()");
            eval(shell, "new Block.Part(new Block(4, 0).pfn())");
            eval(shell, "Zone.NORMAL.ordinal()");
            eval(shell, "task.run();");
            eval(shell, "job.run();");
            eval(shell, "var r2 = r;");
            eval(shell, "r2.x");
        }
    }

    @Test
    void aSessionsCellsSweepAsTheyEndAndKeepWorking() {
        try (KernelSession session = new KernelSession(KernelConfig.defaults().withStartupSnippets(List.of()))) {
            session.start().join();
            assertTrue(session.execute("long total = 0;\nint add(int x) { total += x; return x; }").join().ok());
            for (int i = 0; i < 30; i++) {
                CellResult r = session.execute("add(" + i + ");\n1 + " + i).join();
                assertTrue(r.ok(), r::toString);
            }
            CellResult last = session.execute("total").join();
            assertEquals(Map.of("text/plain", "435"), ((ExecuteResult) last.outputs().getFirst()).data());
            // The kernel's JShell: the startup's own declarations, total and add; no statement or value classes.
            assertTrue(session.replClassFiles() <= 10, "class files kept: " + session.replClassFiles());
        }
    }
}
