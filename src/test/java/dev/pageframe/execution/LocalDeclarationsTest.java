package dev.pageframe.execution;

import static dev.pageframe.execution.TestKernels.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a headless run a variable no later cell reads becomes a local of its cell's block (LiveNames,
 * CellSplitter.batch): these check on a real kernel that it does, and that the cell's outputs are the same as
 * with the variable kept by the kernel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class LocalDeclarationsTest {
    @RegisterExtension
    static final SharedKernel kernel = new SharedKernel();

    /** Runs {@code cell} as the first of a headless run of {@code cells}. */
    private static CellResult runHeadless(String cell, String... later) {
        List<LiveNames.RunCell> cells = new ArrayList<>();
        cells.add(new LiveNames.RunCell(cell, true, true));
        for (String c : later) {
            cells.add(new LiveNames.RunCell(c, true, true));
        }
        return kernel.session().execute(cell, CellListener.NONE, true, LiveNames.of(cells).getFirst()).join();
    }

    /** Whether the kernel still has a variable {@code name}. */
    private static boolean kernelHas(String name) {
        CellResult probe = run(kernel.session(), name);
        return probe.ok();
    }

    @Test
    void aDeclarationNoLaterCellReadsIsALocalOfTheCellsBlock() {
        String cell = "long deadTotal = 0;\nfor (int i = 0; i < 1000; i++) {\n    deadTotal += i;\n}\nSystem.out.println(deadTotal);";
        CellResult result = runHeadless(cell, "System.out.println(1);");
        assertTrue(result.ok(), result.toString());
        assertEquals("499500\n", result.streamText(StreamName.STDOUT));
        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.executeResult().isEmpty());
        assertEquals(false, kernelHas("deadTotal"), "the declaration was a local of the block, not a variable of the kernel");
    }

    @Test
    void aDeclarationALaterCellReadsStaysAVariableOfTheKernel() {
        String cell = "long liveTotal = 0;\nfor (int i = 0; i < 10; i++) {\n    liveTotal += i;\n}\nSystem.out.println(liveTotal);";
        CellResult result = runHeadless(cell, "System.out.println(liveTotal);");
        assertEquals("45\n", result.streamText(StreamName.STDOUT));
        assertEquals("45\n", run(kernel.session(), "System.out.println(liveTotal);").streamText(StreamName.STDOUT));
    }

    @Test
    void aCellEndingWithADeadDeclarationShowsNothingForIt() {
        CellResult result = runHeadless("System.out.println(\"x\");\nint endsCell = 5;");
        assertTrue(result.ok(), result.toString());
        assertEquals("x\n", result.streamText(StreamName.STDOUT));
        assertEquals(1, result.outputs().size(), result.outputs().toString());
        assertEquals(false, kernelHas("endsCell"));
    }

    @Test
    void aLambdaCapturingALaterChangedVariableRunsPartByPartWithTheSameOutput() {
        // As a local the lambda could not capture n (it changes after); as the kernel's variable it can.
        String cell = "int captured = 1;\nRunnable showCaptured = () -> System.out.println(captured);\ncaptured++;\n"
                + "showCaptured.run();";
        CellResult after = runHeadless(cell);
        assertEquals(true, kernelHas("captured"), "the block did not compile, so the parts ran as before");
        CellResult before = run(kernel.session(), cell);
        assertEquals("2\n", before.streamText(StreamName.STDOUT));
        assertEquals(same(before), same(after));
    }

    @Test
    void anExceptionInALocalDeclarationsInitializerGivesTheSameErrorAndLine() {
        String cell = "System.out.println(\"start\");\nlong parsed = Long.parseLong(\"x\");\nSystem.out.println(parsed);";
        CellResult after = runHeadless(cell);
        assertEquals(false, kernelHas("parsed"), "the declaration ran in the block");
        CellResult before = run(kernel.session(), cell);
        ErrorOutput error = after.error().orElseThrow();
        assertEquals("java.lang.NumberFormatException", error.ename());
        assertEquals(2, error.line());
        assertEquals(same(before), same(after));
    }

    @Test
    void aLocalReadBeforeItIsAssignedRunsPartByPartWithTheSameOutput() {
        String cell = "int unassigned;\nSystem.out.println(unassigned);";
        CellResult before = run(kernel.session(), cell);
        CellResult after = runHeadless(cell);
        assertEquals("0\n", before.streamText(StreamName.STDOUT));
        assertEquals(same(before), same(after));
    }

    @Test
    void anObjectVariableStaysAVariableOfTheKernelForJShellShowsItsValueWithCellCode() {
        // JShell calls a declared object's toString to show its value: that call prints here, as it did.
        assertTrue(run(kernel.session(), "class Noisy { public String toString() { System.out.println(\"shown\");"
                + " return \"n\"; } }").ok());
        CellResult result = runHeadless("Noisy noisy = new Noisy();\nSystem.out.println(\"after\");");
        assertEquals("shown\nafter\n", result.streamText(StreamName.STDOUT));
    }

    @Test
    void anArrayVariableStaysAVariableOfTheKernelForJShellListsItsElements() {
        // JShell makes a string of every element of a declared array: here more than the agent's heap holds.
        String cell = "long[] huge = new long[20_000_000];\nSystem.out.println(huge.length);";
        CellResult result = runHeadless(cell);
        assertEquals("java.lang.OutOfMemoryError", result.error().orElseThrow().ename(), result.toString());
    }

    @Test
    void primitiveDeclarationsShowTheSameAsWhenTheKernelKeptThem() {
        for (String cell : List.of(
                "int[] sorted = {3, 1, 2};\njava.util.Arrays.sort(sorted);\nSystem.out.println(sorted[0]);",
                "double inf = 1 / 0.0;\nSystem.out.println(inf);",
                "System.out.println(1);\n\nint quotient = 1 / 0;\nSystem.out.println(quotient);",
                "int overflow = Integer.MAX_VALUE;\noverflow++;\nSystem.out.println(overflow);",
                "int mistyped = \"x\";\nSystem.out.println(2);",
                "int boxed = new Integer(5);\nSystem.out.println(boxed);",
                "System.out.println(3);\nint tail = 4;\ntail += undefinedName;")) {
            CellResult after = runHeadless(cell);
            CellResult before = run(kernel.session(), cell);
            assertEquals(same(before), same(after), cell);
        }
    }

    /** What a cell showed, with its execution count taken out of the outputs. */
    private static String same(CellResult result) {
        String count = "[" + result.executionCount() + "]";
        return (result.status() + " " + result.outputs() + " " + result.diagnostics()).replace(count, "[N]")
                .replace("executionCount=" + result.executionCount(), "executionCount=N");
    }
}
