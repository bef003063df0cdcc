package dev.pageframe.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.ui.markdown.CodeHighlighter.Language;
import dev.pageframe.ui.markdown.CodeHighlighter.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeHighlighterTest {

    private static String styleOf(List<Token> tokens, String text) {
        return tokens.stream().filter(t -> t.text().equals(text)).findFirst().map(Token::styleClass)
                .orElseThrow(() -> new AssertionError(text + " not a token in " + tokens));
    }

    @Test
    void javaKeywordsStringsCommentsNumbersAndTypes() {
        List<Token> t = CodeHighlighter.tokenize("""
                @Override public int order = 4; /* block */ String s = "a\\"b"; char c = 'x'; // end
                """, Language.JAVA);
        assertEquals(CodeHighlighter.ANNOTATION, styleOf(t, "@Override"));
        assertEquals(CodeHighlighter.KEYWORD, styleOf(t, "public"));
        assertEquals(CodeHighlighter.KEYWORD, styleOf(t, "int"));
        assertEquals(CodeHighlighter.NUMBER, styleOf(t, "4"));
        assertEquals(CodeHighlighter.COMMENT, styleOf(t, "/* block */"));
        assertEquals(CodeHighlighter.TYPE, styleOf(t, "String"));
        assertEquals(CodeHighlighter.STRING, styleOf(t, "\"a\\\"b\""));
        assertEquals(CodeHighlighter.STRING, styleOf(t, "'x'"));
        assertEquals(CodeHighlighter.COMMENT, styleOf(t, "// end"));
    }

    @Test
    void tokensCoverTheWholeSourceExactly() {
        String src = "int x2 = order1 + 0x1f; // \"not a string\"\nreturn x2;";
        String joined = String.join("", CodeHighlighter.tokenize(src, Language.JAVA).stream().map(Token::text).toList());
        assertEquals(src, joined);
        assertEquals(List.of(new Token("x2 order1", null)), CodeHighlighter.tokenize("x2 order1", Language.JAVA));
    }

    @Test
    void cPreprocessorAndShellComments() {
        List<Token> c = CodeHighlighter.tokenize("#include <linux/gfp.h>\nstruct page *p;", Language.C);
        assertEquals(CodeHighlighter.META, styleOf(c, "#include <linux/gfp.h>"));
        assertEquals(CodeHighlighter.KEYWORD, styleOf(c, "struct"));
        List<Token> sh = CodeHighlighter.tokenize("cat /proc/buddyinfo # free lists", Language.SHELL);
        assertEquals(CodeHighlighter.COMMENT, styleOf(sh, "# free lists"));
    }

    @Test
    void unknownLanguagesStayPlain() {
        assertEquals(Language.PLAIN, CodeHighlighter.language("text"));
        assertEquals(Language.JAVA, CodeHighlighter.language("java title=\"x\""));
        assertEquals(List.of(new Token("int x;", null)), CodeHighlighter.tokenize("int x;", Language.PLAIN));
    }
}
