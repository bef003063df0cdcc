package dev.pageframe.ui.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSyntaxTest {
    private final JavaSyntax syntax = JavaSyntax.forKernel();

    private List<String> kinds(String source) {
        return syntax.tokenize(source).stream()
                .filter(t -> t.kind() != JavaSyntax.Kind.OTHER)
                .map(t -> t.kind() + ":" + source.substring(t.start(), t.end()))
                .toList();
    }

    @Test
    void kernelApiNamesAreTheirOwnKind() {
        assertEquals(List.of("KEYWORD:long", "IDENTIFIER:buf", "KERNEL_API:__get_free_pages", "KERNEL_API:GFP_KERNEL",
                "NUMBER:3", "COMMENT:// eight pages"), kinds("long buf = __get_free_pages(GFP_KERNEL, 3); // eight pages"));
    }

    @Test
    void stringsCommentsAnnotationsAndTypes() {
        assertEquals(List.of("TYPE:System", "IDENTIFIER:out", "IDENTIFIER:printf", "STRING:\"0x%x \\\"q\\\"%n\"",
                "KERNEL_API:PAGE_SIZE"), kinds("System.out.printf(\"0x%x \\\"q\\\"%n\", PAGE_SIZE);"));
        assertEquals(List.of("ANNOTATION:@Override", "COMMENT:/* a\nb */", "KEYWORD:int"), kinds("@Override /* a\nb */ int"));
        assertEquals(List.of("STRING:\"unterminated"), kinds("\"unterminated"), "never fails on half-typed code");
        assertEquals(List.of("NUMBER:0x1fL", "NUMBER:1e-3"), kinds("0x1fL + 1e-3"));
    }

    @Test
    void theEngineNamesAreReadFromItsApiClasses() {
        assertTrue(KernelNames.all().containsAll(List.of("kmalloc", "kfree", "vmalloc", "__get_free_pages", "GFP_KERNEL",
                "GFP_ATOMIC", "__GFP_ZERO", "display", "frameMap", "PAGE_SIZE", "GFP_NFS")));
        assertTrue(!KernelNames.isKernelName("System"));
    }

    /** The editor and the HTML export colour a cell alike because they share one tokenizer. */
    @Test
    void theEditorSeesTheTokensTheHtmlExportSees() {
        String cell = "final long p = kmalloc(64, GFP_KERNEL | __GFP_ZERO); char c = 'x'; // \"q\"\nvar s = \"\"\"\nblock\"\"\";";
        List<dev.pageframe.notebook.html.JavaHighlighter.Token> shared =
                new dev.pageframe.notebook.html.JavaHighlighter(KernelNames.all()).tokenize(cell);
        List<JavaSyntax.Token> editor = syntax.tokenize(cell);
        assertEquals(shared.size(), editor.size());
        for (int k = 0; k < shared.size(); k++) {
            assertEquals(shared.get(k).start(), editor.get(k).start());
            assertEquals(shared.get(k).end(), editor.get(k).end());
            assertEquals(shared.get(k).kind().name().replace("CHAR", "STRING").replace("OPERATOR", "OTHER"),
                    editor.get(k).kind().name(), shared.get(k).text(cell));
        }
    }

    @Test
    void wordAtFindsTheIdentifierUnderTheCaret() {
        String s = "x = kmalloc(64, GFP_KERNEL);";
        assertEquals("kmalloc", JavaSyntax.wordAt(s, s.indexOf("kmalloc") + 3).text());
        assertEquals("kmalloc", JavaSyntax.wordAt(s, s.indexOf("(")).text(), "the caret just after a name counts");
        assertNull(JavaSyntax.wordAt(s, s.indexOf("64") + 1), "numbers are not names");
    }
}
