package dev.pageframe.execution;

import java.util.OptionalInt;

/**
 * Keeps cells the Java compiler cannot handle from taking the host down: a large stack for the
 * threads that compile, a bound on how much a cell may chain or nest, and what a cell that still
 * overflows becomes.
 *
 * <p>javac recurses once per nesting level and once per operand of a chain like {@code 0 + 1 + 1
 * + ...} (a left-leaning tree of binary nodes), so a few thousand terms overflow a thread's default
 * stack and the error escaped as a host stack trace. Measured on the kernel thread with a 256 MiB
 * stack (reserved address space, touched only as deep as a cell goes): 200,000 terms and 20,000
 * nested parentheses compile without overflowing, but the 200,000-term sum took 455 s, and javac
 * cannot be interrupted. A large stack alone is therefore not enough; the bound below refuses,
 * before the compiler sees it, a cell with more operators and opening brackets than {@link #LIMIT}
 * (counted on the raw text, so literals and comments count too, which only errs towards refusing).
 * That bound sits far below what the stack survives, so the overflow catch is a last net only.
 */
final class CompilerStack {
    /** Stack size of the thread that compiles cells (the kernel thread). */
    static final long BYTES = 256L << 20;

    /** Most operator and opening-bracket characters a cell may hold. */
    static final int LIMIT = 20_000;

    static final String CODE = "pageframe.too.deep";
    static final String MESSAGE =
            "this code is nested or chained too deeply for the Java compiler; split it into smaller expressions";

    private static final String COUNTED = "+-*/%&|^<>=!?:~([{.";

    private CompilerStack() {}

    /** The offset at which {@code cell} goes over {@link #LIMIT}, if it does. */
    static OptionalInt overLimit(String cell) {
        int count = 0;
        for (int i = 0; i < cell.length(); i++) {
            if (COUNTED.indexOf(cell.charAt(i)) >= 0 && ++count > LIMIT) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
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
