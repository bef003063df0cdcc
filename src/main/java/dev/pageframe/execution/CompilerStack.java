package dev.pageframe.execution;

import java.util.OptionalInt;

/**
 * Keeps cells the Java compiler cannot handle from taking the host down: a large stack for the
 * threads that compile, bounds on what a cell may hold, and what a cell that still overflows becomes.
 *
 * <p>javac recurses once per nesting level and once per operand of a chain like {@code 0 + 1 + 1
 * + ...} (a left-leaning tree of binary nodes), so 5,000 terms overflowed the kernel thread's default
 * stack and the error escaped as a host stack trace that ended the whole run. Measured with a 256 MiB
 * stack (reserved address space, touched only as deep as a cell goes): 200,000 terms and 20,000
 * nested parentheses compile without overflowing, but the 200,000-term sum took 455 s (20,000
 * terms: 2.7 s; 20,000 parentheses: 1.5 s), and javac cannot be interrupted. A large stack alone is
 * therefore not enough, nor is a bound alone (5,000 terms is a fair cell, past the default stack):
 * the cell is refused before the compiler sees it when it has more operators and opening brackets
 * than {@link #LIMIT} (outside comments and literals), and everything that compiles runs with {@link #BYTES} of stack: the kernel
 * thread, and completion queries through {@link #onLargeStack}. The bound sits far below what the
 * stack survives, so the overflow catch in CellExecution is a last net only.
 */
final class CompilerStack {
    /** Stack size of the threads that compile: the kernel thread and each completion query's. */
    static final long BYTES = 256L << 20;

    /** Most operator and opening-bracket characters a cell may hold. */
    static final int LIMIT = 20_000;

    static final String CODE = "pageframe.too.deep";
    static final String MESSAGE =
            "this code is nested or chained too deeply for the Java compiler; split it into smaller expressions";

    private static final String COUNTED = "+-*/%&|^<>=!?:~([{.";

    private CompilerStack() {}

    /**
     * The offset at which {@code cell} goes over {@link #LIMIT}, if it does. Comments and string,
     * character and text-block literals do not count: a long ASCII table in a string nests nothing.
     */
    static OptionalInt overLimit(String cell) {
        int count = 0;
        int n = cell.length();
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (cell.startsWith("//", i)) {
                int eol = cell.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (cell.startsWith("/*", i)) {
                int close = cell.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
            } else if (cell.startsWith("\"\"\"", i)) {
                i = skipLiteral(cell, i + 3, "\"\"\"") + 2;
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(cell, i + 1, String.valueOf(c));
            } else if (COUNTED.indexOf(c) >= 0 && ++count > LIMIT) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Where the literal opened before {@code from} closes with {@code quote}, or the end of the text. */
    private static int skipLiteral(String cell, int from, String quote) {
        for (int i = from; i < cell.length(); i++) {
            if (cell.charAt(i) == '\\') {
                i++;
            } else if (cell.startsWith(quote, i) || cell.charAt(i) == '\n' && quote.length() == 1) {
                // A string or character literal ends at its line, closed or not, as javac's lexer ends it.
                return i;
            }
        }
        return cell.length();
    }

    /** Most UTF-8 bytes javac can write for one name (a constant-pool entry). */
    static final int LONGEST_NAME = 65_535;

    static final String NAME_MESSAGE = "this name is longer than the 65,535 bytes a Java class file can hold";

    /**
     * Where a name (a run of identifier characters) over {@link #LONGEST_NAME} UTF-8 bytes starts.
     * javac reports it only while writing the class, after JShell has recorded the declaration, so
     * every later cell failed on it too: the whole kernel was poisoned by one cell.
     */
    static OptionalInt overlongName(String cell) {
        int start = -1;
        int bytes = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c)) {
                if (start < 0) {
                    start = i;
                    bytes = 0;
                }
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (bytes > LONGEST_NAME) {
                    return OptionalInt.of(start);
                }
            } else {
                start = -1;
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Runs {@code work} on a fresh thread with the compiler's stack and waits for it: completion and
     * documentation queries come from the UI's threads, whose default stack can overflow replaying a
     * declaration the kernel thread compiled. A thread per query costs well under a millisecond.
     */
    static <T> T onLargeStack(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofPlatform().daemon().name("pageframe-analysis").stackSize(BYTES).start(() -> {
            try {
                result[0] = work.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // The query must finish before the shell is touched again; keep the interrupt for the caller.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /**
     * Whether {@code error} is the compiler giving up on a cell too deep for its stack: a
     * StackOverflowError, or javac's InternalError wrapping one.
     */
    static boolean overflowed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }
}
