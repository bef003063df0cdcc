package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceLinesTest {
    private final SourceLines lines = new SourceLines("ab\ncd\r\n\nxyz");

    @Test
    void offsetsMapToOneBasedLinesAndColumns() {
        assertEquals(1, lines.line(0));
        assertEquals(2, lines.column(1));
        assertEquals(1, lines.line(2));
        assertEquals(2, lines.line(3));
        assertEquals(1, lines.column(3));
        assertEquals(3, lines.line(7));
        assertEquals(4, lines.line(8));
        assertEquals(3, lines.column(10));
    }

    @Test
    void offsetsOutsideTheTextAreClamped() {
        assertEquals(1, lines.line(-5));
        assertEquals(4, lines.line(100));
    }

    @Test
    void lineTextHasNoTerminator() {
        assertEquals("cd", lines.lineText(2));
        assertEquals("", lines.lineText(3));
        assertEquals("xyz", lines.lineText(4));
        assertEquals(4, lines.lineCount());
    }
}
