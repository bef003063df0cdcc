package dev.pageframe.execution;

import java.util.List;

/**
 * Completion suggestions at a cursor.
 *
 * @param anchor offset in the source where the replaced text starts: a suggestion replaces
 *     {@code source.substring(anchor, cursor)}
 */
public record CompletionResult(int anchor, List<Suggestion> suggestions) {
    public CompletionResult {
        suggestions = List.copyOf(suggestions);
    }

    /**
     * One candidate.
     *
     * @param continuation the text to put at the anchor, e.g. {@code max(}
     * @param matchesType whether it fits the type expected at the cursor (worth ranking first)
     */
    public record Suggestion(String continuation, boolean matchesType) {}
}
