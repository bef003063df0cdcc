package dev.pageframe.notebook.html;

import java.util.regex.Pattern;

/**
 * Turns text printed to a terminal into what a reader saw: escape sequences (colours, cursor moves,
 * window titles) removed, a carriage return overwriting its line as progress counters do, and a
 * backspace taking back the character before it, as Jupyter's front end shows stream output.
 */
public final class TerminalText {
    /** CSI sequences ({@code ESC [ ... m}), OSC strings ({@code ESC ] ... BEL}) and two-char escapes. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]|\u001B|\u009B[0-?]*[ -/]*[@-~]");
    private static final Pattern OVERWRITTEN_LINE = Pattern.compile("^[^\n]*\r+(?!\n|$)",
            Pattern.MULTILINE | Pattern.UNIX_LINES);

    private TerminalText() {}

    /** {@code text} without ANSI escape sequences. */
    public static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 && text.indexOf('\u009B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }

    /** {@code text} as a terminal would leave it: no escapes, carriage returns and backspaces applied. */
    public static String render(String text) {
        String s = stripAnsi(text).replace("\r\n", "\n");
        if (s.indexOf('\r') >= 0) {
            s = OVERWRITTEN_LINE.matcher(s).replaceAll("");
            // A carriage return at the end of a line or of the text moves the cursor only.
            s = s.replace("\r", "");
        }
        if (s.indexOf('\b') >= 0) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\b') {
                    if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                        sb.setLength(sb.length() - 1);
                    }
                } else {
                    sb.append(c);
                }
            }
            s = sb.toString();
        }
        return s;
    }
}
