package dev.pageframe.execution;

import java.util.OptionalInt;

/**
 * Finds a string constant javac cannot write: 65,535 characters or more ({@code Gen.checkStringConstant}),
 * or over 65,535 bytes of modified UTF-8 (the class file's limit, JVMS 4.4.7), as one literal or
 * as literals joined by {@code +} (javac folds them into one constant). javac reports it only while writing
 * the class, and the half-written constant then stays in the compiler JShell reuses: every later cell of
 * the kernel failed with "UTF8 representation for string ... is too long for the constant pool", even
 * after the snippet was dropped. So such a cell is refused before the compiler sees it. (A constant folded
 * from {@code final} variables is not seen here.)
 */
final class LongStrings {
    /** Most characters javac writes in one string constant (it refuses 65,535 and more). */
    static final int LONGEST = 65_534;
    /** Most bytes of one constant-pool string (JVMS 4.4.7). */
    static final int MOST_BYTES = 65_535;

    static final String MESSAGE = "this string is longer than a Java class file can hold (65,534 characters, 65,535"
            + " bytes); build it at run time (e.g. with repeat or a StringBuilder)";
    static final String CODE = "pageframe.string.too.long";

    private LongStrings() {}

    /** Where the literal (or the first of the joined literals) that goes over {@link #LONGEST} starts. */
    static OptionalInt overlong(String cell) {
        int n = cell.length();
        int chainStart = -1;
        long chainBytes = 0;
        long chainChars = 0;
        int i = 0;
        while (i < n) {
            char c = cell.charAt(i);
            if (cell.startsWith("//", i)) {
                int eol = cell.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (cell.startsWith("/*", i)) {
                int close = cell.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean block = cell.startsWith("\"\"\"", i);
                int[] end = new int[2];
                long bytes = literalBytes(cell, i + (block ? 3 : 1), block ? "\"\"\"" : String.valueOf(c), end);
                if (c == '"') {
                    if (chainStart < 0) {
                        chainStart = i;
                        chainBytes = 0;
                        chainChars = 0;
                    }
                    chainBytes += bytes;
                    chainChars += end[1];
                    if (chainBytes > MOST_BYTES || chainChars > LONGEST) {
                        return OptionalInt.of(chainStart);
                    }
                }
                i = end[0];
                continue;
            }
            // A chain goes on over blanks and '+'; anything else ends it.
            if (!Character.isWhitespace(c) && c != '+') {
                chainStart = -1;
            }
            i++;
        }
        return OptionalInt.empty();
    }

    /**
     * Modified UTF-8 bytes of the literal body starting at {@code from}; {@code end[0]} gets where it closes,
     * {@code end[1]} how many characters it holds.
     */
    private static long literalBytes(String cell, int from, String quote, int[] end) {
        long bytes = 0;
        int chars = 0;
        int i = from;
        while (i < cell.length()) {
            if (cell.startsWith(quote, i)) {
                end[0] = i + quote.length();
                end[1] = chars;
                return bytes;
            }
            chars++;
            char c = cell.charAt(i);
            if (c == '\n' && quote.length() == 1) {
                break; // javac ends an unclosed literal at its line
            }
            if (c == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(i + 1);
                if (next == 'u') {
                    int u = i + 1;
                    while (u < cell.length() && cell.charAt(u) == 'u') {
                        u++;
                    }
                    if (u + 4 <= cell.length()) {
                        try {
                            bytes += bytes((char) Integer.parseInt(cell.substring(u, u + 4), 16));
                            i = u + 4;
                            continue;
                        } catch (NumberFormatException e) {
                            // Not a unicode escape after all; javac will say so.
                        }
                    }
                }
                bytes += 1;
                i += 2;
                continue;
            }
            bytes += bytes(c);
            i++;
        }
        end[0] = i;
        end[1] = chars;
        return bytes;
    }

    /** Bytes of one UTF-16 unit in a class file's modified UTF-8 (NUL takes two, each surrogate three). */
    private static int bytes(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
}
