package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.execution.CellSplitter.CellSnippet;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSplitterTest {
    private static JShell shell;

    @BeforeAll
    static void open() {
        shell = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of()).build();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private static List<CellSnippet> split(String cell) {
        return CellSplitter.split(shell.sourceCodeAnalysis(), cell);
    }

    @Test
    void snippetsLoseLeadingWhitespaceAndKeepTheirCellOffsets() {
        String cell = "\n  int a = 1;  int b\n = 2;\nfoo()";
        List<CellSnippet> snippets = split(cell);
        assertEquals(3, snippets.size());
        assertEquals(new CellSnippet("int a = 1;", 3, 13, true), snippets.get(0));
        assertEquals("int b\n = 2;", snippets.get(1).source());
        assertEquals(cell.indexOf("int b"), snippets.get(1).offset());
        assertEquals("foo()", snippets.get(2).source());
        assertEquals(cell.indexOf("foo"), snippets.get(2).offset());
        assertEquals(cell.length(), snippets.get(2).end());
    }

    @Test
    void onlyASemicolonWrittenInTheCellCountsAsExplicit() {
        assertEquals(List.of(true, false), split("x; y").stream().map(CellSnippet::explicitSemicolon).toList());
    }

    @Test
    void commentsGoWithTheSnippetNextToThem() {
        List<CellSnippet> snippets = split("// first\nint c = 3;\n// trailing only\n");
        assertEquals(1, snippets.size());
        assertEquals("// first\nint c = 3;\n// trailing only\n", snippets.getFirst().source());
    }

    @Test
    void incompleteInputIsPassedOnWhole() {
        List<CellSnippet> snippets = split("int d = 1;\nint e = (2 + ");
        assertEquals(2, snippets.size());
        assertEquals("int e = (2 + ", snippets.get(1).source());
    }

    @Test
    void blankCellHasNoSnippets() {
        assertEquals(List.of(), split(" \n\t"));
    }
}
