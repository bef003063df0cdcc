package dev.pageframe.engine;

import java.util.Locale;

/** Byte sizes as people write them: 16M, 1G, 64GiB, 2 MiB, 4096. */
public final class Sizes {
    private Sizes() {}

    /** Parses "16M", "1G", "64GiB", "512k", "4096"; binary units throughout. */
    public static long parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (s.endsWith("IB")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("B") && s.length() > 1 && Character.isLetter(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        long mult = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K' -> mult = 1L << 10;
                case 'M' -> mult = 1L << 20;
                case 'G' -> mult = 1L << 30;
                case 'T' -> mult = 1L << 40;
                default -> mult = 1;
            }
        }
        String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(digits);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a memory size: '" + text + "' (write e.g. 64M, 1G or 16GiB)");
        }
    }

    /** The shortest exact binary form: 16M, 1G, 640K, 4097. */
    public static String format(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
