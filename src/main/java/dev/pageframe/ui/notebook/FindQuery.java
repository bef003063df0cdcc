package dev.pageframe.ui.notebook;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What Find looks for: the text, and whether case matters, whole words only, and whether the text is a regular
 * expression.
 */
public record FindQuery(String text, boolean matchCase, boolean wholeWord, boolean regex) {
    public FindQuery {
        text = text == null ? "" : text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * The pattern for this query.
     *
     * @throws PatternSyntaxException if {@link #regex()} and the text is not a valid regular expression
     */
    public Pattern pattern() {
        String body = regex ? text : Pattern.quote(text);
        if (wholeWord) {
            body = "(?<![\\p{L}\\p{N}_])(?:" + body + ")(?![\\p{L}\\p{N}_])";
        }
        return Pattern.compile(body, matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
