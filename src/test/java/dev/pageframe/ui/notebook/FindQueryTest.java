package dev.pageframe.ui.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class FindQueryTest {
    private static long count(FindQuery q, String text) {
        return q.pattern().matcher(text).results().count();
    }

    @Test
    void plainTextIsLiteralAndIgnoresCaseUnlessAsked() {
        String text = "The Buddy and the buddy, a.b";
        assertEquals(2, count(new FindQuery("buddy", false, false, false), text));
        assertEquals(1, count(new FindQuery("buddy", true, false, false), text));
        assertEquals(1, count(new FindQuery("a.b", false, false, false), text), "a dot is a dot");
    }

    @Test
    void wholeWordsDoNotMatchInsideLongerNames() {
        assertEquals(1, count(new FindQuery("order", false, true, false), "order orders reorder order_2"));
    }

    @Test
    void regexIsARegularExpressionAndABadOneSaysSo() {
        assertEquals(2, count(new FindQuery("ord(er)?\\b", false, false, true), "order ord orders"));
        assertThrows(PatternSyntaxException.class, () -> new FindQuery("(", false, false, true).pattern());
    }
}
