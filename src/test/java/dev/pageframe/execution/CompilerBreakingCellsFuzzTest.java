package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cells made to break the compiler and the splitter: each must end as that cell's own one-line
 * error (or run), never kill the kernel, throw out of the session or print a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CompilerBreakingCellsFuzzTest {
    private static final long SEED = 21L;
    private static final int CASES = 300;
    private static final int MIB = 1 << 20;

    @RegisterExtension
    static final SharedKernel kernel = new SharedKernel();

    /** Sizes mostly small, some past what a default 1 MiB stack survives, some past the bound. */
    private static int size(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 2_000 + random.nextInt(4_000);
            case 1 -> CompilerStack.LIMIT + 1 + random.nextInt(200_000);
            default -> 1 + random.nextInt(300);
        };
    }

    private static final List<Function<Random, String>> BREAKERS = List.of(
            r -> { int n = size(r); return "int deep = " + "(".repeat(n) + "1" + ")".repeat(n) + ";"; },
            r -> { int n = size(r); return "(".repeat(n) + "1"; },
            r -> "int sum = 0" + " + 1".repeat(size(r)) + ";",
            r -> "String s = \"\"" + " + \"a\"".repeat(size(r)),
            r -> "{".repeat(size(r)) + "int inner = 1;",
            r -> { int n = size(r); return "int[] a = " + "{".repeat(n) + "1" + "}".repeat(n) + ";"; },
            // Around the class file's 65,535-byte limit for a string constant: one literal (ASCII, words,
            // three-byte characters) or two joined by +, which javac folds into one constant.
            r -> "String big = \"" + "x".repeat(r.nextInt(80_000)) + "\";",
            r -> "String words = \"" + "x ".repeat(r.nextInt(40_000)) + "\";",
            r -> "String euros = \"" + "\u20ac".repeat(r.nextInt(30_000)) + "\";",
            r -> "String joined = \"" + "a".repeat(r.nextInt(40_000)) + "\" + \"" + "b".repeat(r.nextInt(40_000)) + "\";",
            r -> "long digits = " + "9".repeat(1 + r.nextInt(100_000)) + "L;",
            r -> "int " + "i".repeat(r.nextBoolean() ? MIB : 1 + r.nextInt(1000)) + " = 1;",
            r -> prefix(r) + "/* " + "x".repeat(r.nextInt(100)),
            r -> prefix(r) + "\"abc" + "d".repeat(r.nextInt(100)),
            r -> prefix(r) + "String t = \"\"\"\n" + "line\n".repeat(r.nextInt(20)),
            r -> prefix(r) + "char c = '",
            r -> prefix(r) + "String s = \"" + (char) (0xD800 + r.nextInt(0x800)) + "\";",
            r -> prefix(r) + (char) (0xD800 + r.nextInt(0x800)) + " int z = 1;",
            r -> prefix(r) + "int n\0ul = 1;",
            r -> "\0".repeat(1 + r.nextInt(10)),
            r -> prefix(r) + "1 +",
            r -> prefix(r) + "for (int i = 0; i < 1; i++) " + "if (true) ".repeat(size(r)) + ";",
            r -> "int x = 1" + " /* */".repeat(r.nextInt(1000)) + " /*");

    private static String prefix(Random random) {
        return random.nextBoolean() ? "" : "int before" + random.nextInt(1000) + " = 1;\n";
    }

    @Test
    void everyBreakingCellFailsAloneAndTheKernelLivesOn() {
        assertTrue(kernel.session().execute("int alive = 41;").join().ok());
        long agent = kernel.session().agentPid().orElseThrow();
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int failures = 0;
        try {
            for (int i = 0; i < CASES; i++) {
                int kind = random.nextInt(BREAKERS.size());
                String cell = BREAKERS.get(kind).apply(random);
                CellResult result = kernel.session().execute(cell).join();
                String label = "case " + i + " (breaker " + kind + ", " + cell.length() + " chars)";
                if (result.kernelDied()) {
                    problems.add(label + ": kernel died: " + result.kernelDeath());
                } else if (!result.ok()) {
                    failures++;
                    String evalue = result.error().map(ErrorOutput::evalue).orElse("");
                    if (evalue.isBlank() || evalue.contains("\n") || evalue.length() > 300) {
                        problems.add(label + ": error is not one clear line: " + evalue.substring(0, Math.min(300, evalue.length())));
                    }
                }
            }
        } finally {
            System.setErr(originalErr);
        }
        assertEquals(List.of(), problems);
        assertTrue(failures > CASES / 2, "the cases are made to break: most must fail, " + failures + " did");
        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception") || stderr.contains("Error"),
                "nothing on stderr: " + stderr.substring(0, Math.min(2000, stderr.length())));
        CellResult after = kernel.session().execute("alive + 1").join();
        assertEquals("42", after.executeResult().map(ExecuteResult::text).orElse(after.toString()), "the kernel keeps its state");
        assertEquals(agent, kernel.session().agentPid().orElseThrow(), "the same agent process throughout");
    }

    @Test
    void aLongSumIsACompileErrorOfItsCellNotAHostStackOverflow() {
        CellResult result = kernel.session().execute("int x = 0" + " + 1".repeat(CompilerStack.LIMIT + 1) + ";").join();
        ErrorOutput error = result.error().orElseThrow();
        assertEquals(CompileErrors.ENAME, error.ename());
        assertTrue(error.evalue().startsWith("line 1, column ") && error.evalue().contains("too deeply"), error.evalue());
        assertNotEquals(CellStatus.KERNEL_DIED, result.status());
    }

    @Test
    void aMebibyteNameIsItsCellsErrorAndLeavesLaterCellsAlone() {
        CellResult result = kernel.session().execute("int ok = 1;\nint " + "i".repeat(MIB) + " = 1;").join();
        assertEquals("line 2, column 5: " + CompilerStack.NAME_MESSAGE, result.error().orElseThrow().evalue());
        assertEquals("3", kernel.session().execute("1 + 2").join().executeResult().map(ExecuteResult::text).orElse(""));
    }

    @Test
    void aSumTooLongForADefaultStackCompiles() {
        // 5,000 terms overflowed the compiler on a thread with the default stack.
        CellResult sum = kernel.session().execute("0" + " + 1".repeat(5_000)).join();
        assertEquals("5000", sum.executeResult().map(ExecuteResult::text).orElse(sum.toString()));
    }

    @Test
    void completionFromASmallStackSurvivesADeclarationOnlyALargeStackCompiles() throws Exception {
        assertTrue(kernel.session().execute("int longSum = 0" + " + 1".repeat(5_000) + ";").join().ok());
        CompletionResult[] found = new CompletionResult[1];
        Throwable[] failed = new Throwable[1];
        // A UI thread's stack: replaying longSum for completion overflowed it.
        Thread caller = Thread.ofPlatform().stackSize(256 << 10).start(() -> {
            try {
                found[0] = kernel.session().completions("longS", 5);
            } catch (Throwable t) {
                failed[0] = t;
            }
        });
        caller.join();
        assertEquals(null, failed[0]);
        assertTrue(found[0].suggestions().stream().anyMatch(s -> s.continuation().equals("longSum")),
                found[0].suggestions().toString());
    }

    @Test
    void aStringConstantPastTheClassFileLimitIsItsCellsErrorAndLaterCellsRun() {
        // Once javac had failed to write such a constant, every later cell of the kernel failed on it too.
        for (String cell : List.of("String big = \"" + "x ".repeat(40_000) + "\";",
                "int ok = 1;\nString euros = \"" + "\u20ac".repeat(22_000) + "\";",
                "String joined = \"" + "a".repeat(40_000) + "\" +\n    \"" + "b".repeat(40_000) + "\";")) {
            ErrorOutput error = kernel.session().execute(cell).join().error().orElseThrow();
            assertEquals(CompileErrors.ENAME, error.ename());
            assertTrue(error.evalue().matches("line \\d, column \\d+: " + java.util.regex.Pattern.quote(LongStrings.MESSAGE)),
                    error.evalue());
            assertEquals("4", kernel.session().execute("2 + 2").join().executeResult().map(ExecuteResult::text).orElse(""));
        }
        // At the limit still compiles and runs; one more character is refused.
        CellResult fits = kernel.session().execute("\"" + "x ".repeat(LongStrings.LONGEST / 2) + "\".length()").join();
        assertEquals("65534", fits.executeResult().map(ExecuteResult::text).orElse(fits.toString()));
        assertEquals(CompileErrors.ENAME, kernel.session().execute("\"" + "x ".repeat(LongStrings.LONGEST / 2) + "y\".length()")
                .join().error().orElseThrow().ename());
        assertEquals("4", kernel.session().execute("2 + 2").join().executeResult().map(ExecuteResult::text).orElse(""));
    }

    @Test
    void anUnterminatedCommentIsACompileErrorNotADeadKernel() {
        CellResult result = kernel.session().execute("/* x").join();
        assertEquals(CellStatus.ERROR, result.status());
        assertEquals("line 1, column 1: unclosed comment", result.error().orElseThrow().evalue());
        assertTrue(kernel.session().execute("1 + 1").join().ok());
    }
}
