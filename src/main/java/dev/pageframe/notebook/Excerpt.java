package dev.pageframe.notebook;

/** A bounded quotation of text from a file, so a message never echoes a megabyte back. */
final class Excerpt {
    /** Characters of the text kept before the ellipsis. */
    static final int KEPT = 40;

    private Excerpt() {}

    /** {@code text} itself when short, else its first {@link #KEPT} characters and "…". */
    static String of(String text) {
        if (text.length() <= KEPT) {
            return text;
        }
        // Never cut a surrogate pair in half: the message would carry a lone surrogate.
        int end = Character.isHighSurrogate(text.charAt(KEPT - 1)) ? KEPT - 1 : KEPT;
        return text.substring(0, end) + "… (" + text.length() + " characters)";
    }
}
