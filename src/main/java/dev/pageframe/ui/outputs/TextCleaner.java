package dev.pageframe.ui.outputs;

import java.util.regex.Pattern;

/**
 * Makes terminal output readable as plain text: ANSI escape sequences (colours, cursor moves)
 * removed, and carriage returns applied the way a terminal would, so a progress bar printed with
 * {@code \r} shows only its last state.
 */
final class TextCleaner {

    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor movement, erase
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)" // OSC: titles, hyperlinks
            + "|\u001B[PX^_][^\u001B]*\u001B\\\\" // DCS, SOS, PM, APC strings
            + "|\u001B[@-Z\\\\-_]" // other two-character escapes
            + "|\u009B[0-?]*[ -/]*[@-~]"); // 8-bit CSI

    private TextCleaner() {}

    static String clean(String text) {
        String s = text;
        if (s.indexOf('\u001B') >= 0 || s.indexOf('\u009B') >= 0) {
            s = ANSI.matcher(s).replaceAll("");
        }
        if (s.indexOf('\r') >= 0) {
            s = applyCarriageReturns(s);
        }
        return s;
    }

    /** Each line keeps what was written after its last lone {@code \r}; {@code \r\n} is a plain line end. */
    static String applyCarriageReturns(String s) {
        String normal = s.replace("\r\n", "\n");
        if (normal.indexOf('\r') < 0) {
            return normal;
        }
        StringBuilder out = new StringBuilder(normal.length());
        int start = 0;
        while (start <= normal.length()) {
            int nl = normal.indexOf('\n', start);
            int end = nl < 0 ? normal.length() : nl;
            String line = normal.substring(start, end);
            int cr = line.lastIndexOf('\r');
            if (cr >= 0) {
                String after = line.substring(cr + 1);
                // "\r" at the very end of a line means nothing was written over it yet.
                if (after.isEmpty()) {
                    String before = line.substring(0, cr);
                    int prev = before.lastIndexOf('\r');
                    line = prev >= 0 ? before.substring(prev + 1) : before;
                } else {
                    line = after;
                }
            }
            out.append(line);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }
}
