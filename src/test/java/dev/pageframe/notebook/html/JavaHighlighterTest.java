package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.cells.CellNames;
import dev.pageframe.notebook.html.JavaHighlighter.Kind;
import dev.pageframe.notebook.html.JavaHighlighter.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {
    private final JavaHighlighter highlighter = new JavaHighlighter(CellNames.kernelNames());

    /** "text:KIND" pairs, for compact expectations. */
    private List<String> tokens(String source) {
        List<String> out = new ArrayList<>();
        for (Token t : highlighter.tokenize(source)) {
            out.add(t.text(source) + ":" + t.kind());
        }
        return out;
    }

    private Kind kindOf(String source, String text) {
        for (Token t : highlighter.tokenize(source)) {
            if (t.text(source).equals(text)) {
                return t.kind();
            }
        }
        throw new AssertionError("no token " + text + " in " + tokens(source));
    }

    @Test
    void splitsAStatementIntoKeywordsTypesNamesOperatorsAndLiterals() {
        assertEquals(List.of("final:KEYWORD", "long:KEYWORD", "buf:IDENTIFIER", "=:OPERATOR",
                        "__get_free_pages:KERNEL_API", "(:OPERATOR", "GFP_KERNEL:KERNEL_API", ",:OPERATOR",
                        "3:NUMBER", "):OPERATOR", ";:OPERATOR"),
                tokens("final long buf = __get_free_pages(GFP_KERNEL, 3);"));
    }

    @Test
    void tokensAreOrderedWithoutOverlapsAndOnlyWhitespaceBetweenThem() {
        String src = "@Override\npublic String toString() { return \"a\\\"b\" + 'c' + 0x1F; } // done\n/* x */ var y;";
        int pos = 0;
        for (Token t : highlighter.tokenize(src)) {
            assertTrue(t.start() >= pos, "overlap at " + t);
            assertTrue(src.substring(pos, t.start()).isBlank(), "gap is not whitespace before " + t);
            pos = t.end();
        }
        assertTrue(src.substring(pos).isBlank());
    }

    @Test
    void recognisesStringsWithEscapesAndCharLiterals() {
        String src = "s = \"say \\\"hi\\\"\"; c = '\\n'; d = '\\u0041'; e = '\\'';";
        assertEquals(Kind.STRING, kindOf(src, "\"say \\\"hi\\\"\""));
        assertEquals(Kind.CHAR, kindOf(src, "'\\n'"));
        assertEquals(Kind.CHAR, kindOf(src, "'\\u0041'"));
        assertEquals(Kind.CHAR, kindOf(src, "'\\''"));
    }

    @Test
    void aTextBlockIsOneStringTokenAcrossLines() {
        String block = "\"\"\"\n    free lists: \"quoted\" and \\\"\"\" escaped\n    \"\"\"";
        String src = "String t = " + block + ";";
        assertEquals(Kind.STRING, kindOf(src, block));
        assertEquals(Kind.OPERATOR, kindOf(src, ";"));
    }

    @Test
    void unterminatedLiteralsAndCommentsStopAtLineOrTextEnd() {
        String src = "s = \"open\nint x;";
        assertEquals(Kind.STRING, kindOf(src, "\"open"));
        assertEquals(Kind.KEYWORD, kindOf(src, "int"), "primitive types are keywords, as in the editor");
        assertEquals(Kind.COMMENT, kindOf("a /* never closed\n still comment", "/* never closed\n still comment"));
        assertEquals(Kind.STRING, kindOf("t = \"\"\"\nno end", "\"\"\"\nno end"));
    }

    @Test
    void recognisesNumbersInEveryJavaForm() {
        for (String number : List.of("0", "42", "1_000_000", "0xFF_FFL", "0b1010_1010", "017", "3.14", "1e10",
                "6.022E+23", ".5", "2f", "10L", "1.5e-3d", "0x1.8p3")) {
            String src = "x = " + number + ";";
            assertEquals(List.of("x:IDENTIFIER", "=:OPERATOR", number + ":NUMBER", ";:OPERATOR"), tokens(src), number);
        }
    }

    @Test
    void recognisesLineBlockAndDocComments() {
        String src = "a(); // trailing\n/** doc\n * more */\nb(); /* inline */ c();";
        assertEquals(Kind.COMMENT, kindOf(src, "// trailing"));
        assertEquals(Kind.COMMENT, kindOf(src, "/** doc\n * more */"));
        assertEquals(Kind.COMMENT, kindOf(src, "/* inline */"));
        assertEquals(Kind.IDENTIFIER, kindOf(src, "c"));
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertEquals(List.of("s:IDENTIFIER", "=:OPERATOR", "\"// not /* a comment\":STRING", ";:OPERATOR"),
                tokens("s = \"// not /* a comment\";"));
    }

    @Test
    void recognisesAnnotationsIncludingQualifiedOnes() {
        String src = "@Override @java.lang.Deprecated(since = \"1\") @interface Marker {}";
        assertEquals(Kind.ANNOTATION, kindOf(src, "@Override"));
        assertEquals(Kind.ANNOTATION, kindOf(src, "@java.lang.Deprecated"));
        assertEquals(Kind.KEYWORD, kindOf(src, "@interface"));
        assertEquals(Kind.TYPE, kindOf(src, "Marker"));
    }

    @Test
    void capitalisedNamesAreTypesButConstantsAreNot() {
        String src = "List<String> xs = new ArrayList<>(); int MAX = Integer.MAX_VALUE; T t;";
        assertEquals(Kind.TYPE, kindOf(src, "List"));
        assertEquals(Kind.TYPE, kindOf(src, "ArrayList"));
        assertEquals(Kind.TYPE, kindOf(src, "T"));
        assertEquals(Kind.IDENTIFIER, kindOf(src, "MAX"));
        assertEquals(Kind.IDENTIFIER, kindOf(src, "MAX_VALUE"));
        assertEquals(Kind.KEYWORD, kindOf(src, "new"));
    }

    @Test
    void contextualKeywordsAfterADotAreMemberNames() {
        String src = "var r = point.record; record Point(int x) {} sealed interface S permits A {}";
        assertEquals(Kind.KEYWORD, kindOf(src, "var"));
        assertEquals(Kind.KEYWORD, kindOf(src, "sealed"));
        assertEquals(Kind.KEYWORD, kindOf(src, "permits"));
        List<Token> all = highlighter.tokenize(src);
        Token member = all.get(5); // point . record
        assertEquals("record", member.text(src));
        assertEquals(Kind.IDENTIFIER, member.kind());
        assertEquals(Kind.KEYWORD, kindOf("non-sealed class C {}", "non-sealed"));
    }

    @Test
    void kernelNamesComeFromTheGivenList() {
        JavaHighlighter custom = new JavaHighlighter(Set.of("my_alloc"));
        String src = "my_alloc(1); kmalloc(8, GFP_KERNEL);";
        List<Kind> kinds = custom.tokenize(src).stream().map(Token::kind).toList();
        assertEquals(Kind.KERNEL_API, kinds.get(0));
        assertFalse(kinds.subList(1, kinds.size()).contains(Kind.KERNEL_API));
        assertTrue(highlighter.kernelNames().containsAll(
                Set.of("kmalloc", "kfree", "__get_free_pages", "alloc_pages", "vmalloc", "GFP_KERNEL", "GFP_ATOMIC")),
                "the app's names are read from the cell API");
    }

    @Test
    void multiCharOperatorsAreSingleTokens() {
        assertEquals(List.of("a:IDENTIFIER", ">>>=:OPERATOR", "b:IDENTIFIER", "->:OPERATOR", "c:IDENTIFIER",
                ":::OPERATOR", "d:IDENTIFIER"), tokens("a >>>= b -> c :: d"));
    }

    @Test
    void strayCharactersAndNonAsciiNamesNeverBreakTheScan() {
        String src = "# \\ größe = 1; 😀";
        List<Token> all = highlighter.tokenize(src);
        assertEquals(Kind.OTHER, all.get(0).kind());
        assertEquals(Kind.IDENTIFIER, kindOf(src, "größe"));
        assertEquals("😀", all.getLast().text(src));
        assertTrue(highlighter.tokenize("").isEmpty());
    }

    @Test
    void aLiteralOrCommentIsClosedOnlyByItsOwnUnescapedDelimiter() {
        for (String done : List.of("\"a\\\"b\"", "\"\\\\\"", "\"\"", "'\\''", "'x'", "\"\"\"\n  x\\\"\"\"\"",
                "/* c */", "/**/", "// d", "x")) {
            List<Token> all = highlighter.tokenize(done);
            assertEquals(1, all.size(), done);
            assertTrue(JavaHighlighter.closed(done, all.getFirst()), done);
        }
        for (String open : List.of("\"a", "\"a\\\"", "\"", "'\\'", "'", "\"\"\"\n  x\\\"\"\"", "\"\"\"\"\"",
                "/* c", "/*/")) {
            List<Token> all = highlighter.tokenize(open);
            assertEquals(1, all.size(), open);
            assertFalse(JavaHighlighter.closed(open, all.getFirst()), open);
        }
        // A string ends at its line: the next line is code again, and the literal did not close.
        String broken = "f(\"a);\ng(x);";
        Token literal = highlighter.tokenize(broken).get(2);
        assertEquals("\"a);", literal.text(broken));
        assertFalse(JavaHighlighter.closed(broken, literal));
    }

    @Test
    void htmlWrapsHighlightedTokensInSpansAndEscapesText() {
        String html = highlighter.toHtml("if (a < b && s.equals(\"<b>\")) kfree(p);");
        assertEquals("<span class=\"tok-kw\">if</span> (a &lt; b &amp;&amp; s.equals("
                + "<span class=\"tok-str\">\"&lt;b&gt;\"</span>)) <span class=\"tok-kapi\">kfree</span>(p);", html);
    }
}
