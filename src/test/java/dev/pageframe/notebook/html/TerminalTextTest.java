package dev.pageframe.notebook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void stripsColourCursorAndTitleEscapes() {
        assertEquals("error: out of memory", TerminalText.stripAnsi("\u001B[1;31merror\u001B[0m: out of \u001B[4mmemory\u001B[m"));
        assertEquals("done", TerminalText.stripAnsi("\u001B]0;window title\u0007\u001B[2K\u001B[1Gdone"));
    }

    @Test
    void aCarriageReturnOverwritesTheLineLikeAProgressCounter() {
        assertEquals("100%\nnext\n", TerminalText.render("10%\r20%\r100%\nnext\n"));
        assertEquals("windows\nline\n", TerminalText.render("windows\r\nline\r\n"));
        assertEquals("kept", TerminalText.render("kept\r"));
    }

    @Test
    void aBackspaceTakesBackTheCharacterBeforeIt() {
        assertEquals("ab", TerminalText.render("abc\b"));
        assertEquals("x\ny", TerminalText.render("x\n\by"));
    }
}
