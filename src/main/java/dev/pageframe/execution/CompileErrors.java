package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jshell.Diag;

/** Locates javac diagnostics in the cell and renders compile errors as an {@link ErrorOutput}. */
final class CompileErrors {
    static final String ENAME = "CompilationError";
    /** JShell hides its wrapper classes, leaving javac's "location: class" lines naming nothing. */
    private static final Pattern EMPTY_LOCATION = Pattern.compile("\\R\\s*location: class\\s*$", Pattern.MULTILINE);

    /**
     * Marker parameter types the prelude declares for a function another era has (see the engine's
     * LegacyApi and ModernApi): a call that names one becomes this message instead of javac's.
     */
    private static final Map<String, String> ERA_NAMES = Map.of(
            "NoSuchFunctionInLinux6x_UseGetZeroedPage",
            "no such function in Linux 6.x; use get_zeroed_page (get_free_page is the Linux 1.2/2.0 name)",
            "NoSuchFunctionBeforeLinux2_4_UseGetFreePage",
            "no such function in Linux 1.2/2.0; use get_free_page (get_zeroed_page came with Linux 2.4)");

    private CompileErrors() {}

    static List<CompileDiagnostic> locate(List<Diag> diags, CellSplitter.CellSnippet snippet, SourceLines lines) {
        List<CompileDiagnostic> located = new ArrayList<>();
        for (Diag diag : diags) {
            long start = diag.getStartPosition() >= 0 ? diag.getStartPosition() : Math.max(0, diag.getPosition());
            long end = Math.max(start, diag.getEndPosition());
            int cellStart = toCell(start, snippet);
            int cellEnd = Math.max(cellStart, toCell(end, snippet));
            long position = diag.getPosition() >= 0 ? diag.getPosition() : start;
            int cellPosition = toCell(position, snippet);
            located.add(new CompileDiagnostic(
                    diag.isError() ? CompileDiagnostic.Severity.ERROR : CompileDiagnostic.Severity.WARNING,
                    lines.line(cellPosition), lines.column(cellPosition), cellStart, cellEnd,
                    clean(diag.getMessage(Locale.ENGLISH)), diag.getCode()));
        }
        return located;
    }

    /** A diagnostic at the start of a snippet, for problems JShell reports without a position. */
    static CompileDiagnostic atSnippet(CellSplitter.CellSnippet snippet, SourceLines lines,
            CompileDiagnostic.Severity severity, String message, String code) {
        int end = Math.min(snippet.end(), snippet.offset() + snippet.source().length());
        return new CompileDiagnostic(severity, lines.line(snippet.offset()), lines.column(snippet.offset()),
                snippet.offset(), Math.max(snippet.offset(), end), message, code);
    }

    /** The error output for a cell that failed to compile; {@code errors} must not be empty. */
    static ErrorOutput error(List<CompileDiagnostic> errors, SourceLines lines) {
        CompileDiagnostic first = errors.getFirst();
        List<String> traceback = new ArrayList<>();
        for (CompileDiagnostic error : errors) {
            traceback.add(where(error) + ": " + error.message());
            traceback.add("    " + lines.lineText(error.line()));
            int width = lines.line(error.endOffset()) == error.line()
                    ? Math.max(1, error.endOffset() - error.startOffset()) : 1;
            int column = lines.line(error.startOffset()) == error.line() ? lines.column(error.startOffset()) : error.column();
            traceback.add("    " + " ".repeat(column - 1) + "^".repeat(width));
        }
        return new ErrorOutput(ENAME, where(first) + ": " + first.message(), traceback, first.line());
    }

    private static String where(CompileDiagnostic diagnostic) {
        return "line " + diagnostic.line() + ", column " + diagnostic.column();
    }

    private static int toCell(long snippetPosition, CellSplitter.CellSnippet snippet) {
        long cell = snippet.offset() + snippetPosition;
        // A semicolon JShell appended lies past the snippet's text in the cell.
        return (int) Math.max(snippet.offset(), Math.min(cell, snippet.end()));
    }

    static String clean(String message) {
        for (Map.Entry<String, String> e : ERA_NAMES.entrySet()) {
            if (message.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return EMPTY_LOCATION.matcher(message).replaceAll("").replace(" in class  ", " ").strip();
    }
}
