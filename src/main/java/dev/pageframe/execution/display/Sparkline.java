package dev.pageframe.execution.display;

/** Unicode block sparklines and bars for text/plain summaries. */
final class Sparkline {

    // Strings, not char arrays: constants that cannot be changed by accident.
    private static final String LEVELS = "▁▂▃▄▅▆▇█";
    private static final String EIGHTHS = "▏▎▍▌▋▊▉█";

    private Sparkline() {}

    /** {@code values} squeezed into {@code width} characters, each the mean of its slice; gaps are spaces. */
    static String of(double[] values, int width) {
        int n = values.length;
        if (n == 0) {
            return "";
        }
        int w = Math.min(width, n);
        double[] means = new double[w];
        for (int i = 0; i < w; i++) {
            int from = (int) ((long) i * n / w);
            int to = (int) ((long) (i + 1) * n / w);
            double sum = 0;
            int count = 0;
            for (int j = from; j < to; j++) {
                if (Double.isFinite(values[j])) {
                    sum += values[j];
                    count++;
                }
            }
            means[i] = count == 0 ? Double.NaN : sum / count;
        }
        double[] range = Numbers.finiteRange(means);
        StringBuilder b = new StringBuilder(w);
        for (double m : means) {
            if (Double.isNaN(m)) {
                b.append(' ');
            } else if (range[1] == range[0]) {
                b.append(LEVELS.charAt(LEVELS.length() / 2));
            } else {
                int level = (int) Math.round((m - range[0]) / (range[1] - range[0]) * (LEVELS.length() - 1));
                b.append(LEVELS.charAt(level));
            }
        }
        return b.toString();
    }

    /** A horizontal bar {@code value / max} of {@code width} characters, in eighths of a character. */
    static String bar(double value, double max, int width) {
        if (!(max > 0) || !(value > 0)) {
            return "";
        }
        long eighths = Math.round(Math.min(1, value / max) * width * 8);
        StringBuilder b = new StringBuilder();
        b.append("█".repeat((int) (eighths / 8)));
        if (eighths % 8 != 0) {
            b.append(EIGHTHS.charAt((int) (eighths % 8) - 1));
        }
        if (b.isEmpty()) {
            b.append(EIGHTHS.charAt(0)); // a non-zero value never looks like zero
        }
        return b.toString();
    }
}
