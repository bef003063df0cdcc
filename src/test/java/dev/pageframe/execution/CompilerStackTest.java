package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CompilerStackTest {
    private static final String MANY = "+".repeat(CompilerStack.LIMIT + 1);

    @Test
    void operatorsPastTheLimitAreFoundWhereTheyGoOver() {
        String cell = "int x = 0" + " + 1".repeat(CompilerStack.LIMIT) + ";";
        // '=' is the first counted character, so the limit is passed at the last '+'.
        assertEquals(OptionalInt.of(cell.lastIndexOf('+')), CompilerStack.overLimit(cell));
    }

    @Test
    void literalsAndCommentsDoNotCount() {
        assertEquals(OptionalInt.empty(), CompilerStack.overLimit("String s = \"" + MANY + "\";"));
        assertEquals(OptionalInt.empty(), CompilerStack.overLimit("String t = \"\"\"\n" + MANY + "\"\"\";"));
        assertEquals(OptionalInt.empty(), CompilerStack.overLimit("/* " + MANY + " */ // " + MANY + "\n1"));
    }

    @Test
    void anUnclosedStringHidesNothingOnLaterLines() {
        String cell = "String s = \"open\nint x = 0" + " + 1".repeat(CompilerStack.LIMIT) + ";";
        OptionalInt over = CompilerStack.overLimit(cell);
        assertTrue(over.isPresent() && over.getAsInt() > cell.indexOf('\n'), over.toString());
    }

    @Test
    void aNameOverTheClassFileLimitIsFoundAtItsStart() {
        assertEquals(OptionalInt.of(4), CompilerStack.overlongName("int " + "i".repeat(CompilerStack.LONGEST_NAME + 1)));
        assertEquals(OptionalInt.empty(), CompilerStack.overlongName("int " + "i".repeat(CompilerStack.LONGEST_NAME)));
    }
}
