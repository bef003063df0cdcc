package dev.pageframe.execution;

/**
 * A compiler message located in the cell source, for underlining.
 *
 * @param line 1-based line in the cell
 * @param column 1-based column in that line
 * @param startOffset offset in the cell source where the underlined range starts
 * @param endOffset offset just past the underlined range (at least {@code startOffset})
 * @param code the javac key, e.g. {@code compiler.err.cant.resolve.location}
 */
public record CompileDiagnostic(
        Severity severity, int line, int column, int startOffset, int endOffset, String message, String code) {

    /** Whether the diagnostic stops the cell. */
    public enum Severity { ERROR, WARNING }
}
