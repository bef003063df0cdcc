package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits a cell into the complete JShell snippets it contains, remembering where each one sits. */
final class CellSplitter {
    /**
     * One snippet of a cell.
     *
     * @param source what to give JShell: the snippet without leading whitespace (JShell numbers
     *     stack-frame lines wrongly when a snippet starts with blank lines), with a semicolon
     *     appended where JShell asks for one
     * @param offset where {@code source} starts in the cell
     * @param end where the snippet's text ends in the cell
     * @param explicitSemicolon whether the cell itself ends the snippet with ';' (which, as in
     *     IPython, hides the value of a final expression)
     */
    record CellSnippet(String source, int offset, int end, boolean explicitSemicolon) {}

    private CellSplitter() {}

    static List<CellSnippet> split(SourceCodeAnalysis analysis, String cell) {
        List<CellSnippet> snippets = new ArrayList<>();
        int position = 0;
        while (position < cell.length()) {
            String rest = cell.substring(position);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            String source;
            int consumed;
            if (completeness.isComplete() && info.source() != null) {
                source = info.source();
                consumed = rest.length() - info.remaining().length();
            } else {
                // Incomplete or unparseable: hand JShell the rest so it reports a located error.
                source = rest;
                consumed = rest.length();
            }
            int lead = leadingWhitespace(source);
            boolean semicolon = completeness == Completeness.COMPLETE && source.stripTrailing().endsWith(";");
            snippets.add(new CellSnippet(source.substring(lead), position + lead, position + consumed, semicolon));
            if (consumed <= 0) {
                break;
            }
            position += consumed;
        }
        return snippets;
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
