package dev.pageframe.execution.display;

/**
 * Estimates how wide text will be drawn, without a font engine: layout only needs to know that
 * labels fit, so per-character widths of a sans-serif face, rounded up, are enough.
 */
final class TextMetrics {

    private TextMetrics() {}

    /** Estimated width in px of {@code s} at {@code fontSize}. */
    static double width(String s, double fontSize) {
        double em = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("il.,:;|!'ıj".indexOf(c) >= 0) {
                em += 0.32;
            } else if ("ft()[] r-".indexOf(c) >= 0) {
                em += 0.42;
            } else if ("mwMW@%".indexOf(c) >= 0) {
                em += 0.92;
            } else if (Character.isUpperCase(c)) {
                em += 0.72;
            } else if (Character.isDigit(c)) {
                em += 0.64;
            } else {
                em += 0.62;
            }
        }
        return em * fontSize;
    }
}
