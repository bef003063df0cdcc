package dev.pageframe.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as people write them (16M, 1G, 64GiB, 2 MiB, 4096): the one parser behind a
 * notebook's {@code memory}, {@code pageframe run --memory} and a cell's {@code mem=}.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+)\\s*([A-Za-z]*)\\s*$");
    private static final String HINT = "use a whole number with K, M, G or T (binary units), e.g. 16M, 1G, 64G or 2MiB";

    private Sizes() {}

    /**
     * Parses a whole number with an optional binary unit K, M, G or T (also KB/KiB, ..., any case,
     * spaces allowed around the unit); no unit or B means bytes. Units are always powers of 1024, as
     * the kernel counts.
     *
     * @throws IllegalArgumentException with a message that quotes the bad text and shows good ones
     */
    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing memory size; " + HINT);
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad memory size \"" + text + "\"; " + HINT);
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 0;
            case "K", "KB", "KIB" -> 10;
            case "M", "MB", "MIB" -> 20;
            case "G", "GB", "GIB" -> 30;
            case "T", "TB", "TIB" -> 40;
            default -> throw new IllegalArgumentException("bad memory size \"" + text + "\": unknown unit \""
                    + m.group(2) + "\"; " + HINT);
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is too large", e);
        }
        if (number == 0) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is zero; a machine needs some memory");
        }
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("memory size \"" + text + "\" is too large");
        }
        return number << shift;
    }

    /** The shortest exact binary form, which {@link #parse} reads back: 1073741824 → 1G, 1536 MiB → 1536M, 4097. */
    public static String format(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
