package dev.pageframe.execution.cells;

/** Thrown by {@link CellApi#check}: the machine is not yet in the state an exercise asks for. */
public final class NotSolvedYet extends RuntimeException {
    /** {@code expected} says, in the learner's words, what the check looked for. */
    public NotSolvedYet(String expected) {
        super("expected " + expected, null, false, false);
    }
}
