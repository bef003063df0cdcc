package dev.pageframe.cli;

/** The exit codes of {@code pageframe}, as listed in its help. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** validate: a notebook is invalid; trust: one could not be signed; export/run: writing failed; run: a cell failed. */
    public static final int FAILED = 1;
    /**
     * A bad option or argument, or a notebook that cannot be read (run, export, trust); run: also one that
     * {@code validate} rejects or that is written for another kernel.
     */
    public static final int USAGE = 2;
    /** run: this build cannot execute cells. */
    public static final int NO_EXECUTION = 3;

    private ExitCodes() {}
}
