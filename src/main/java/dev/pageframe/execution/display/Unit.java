package dev.pageframe.execution.display;

import java.util.List;
import java.util.Locale;

/** The unit of an axis or a table column, and how its values are written for a reader. */
public enum Unit {
    NONE("none", Ladder.COUNT, 0),
    PAGES("pages", Ladder.PAGES, 0),
    BYTES("bytes", Ladder.BYTES, 0),
    KIB("kib", Ladder.BYTES, 1),
    NANOSECONDS("ns", Ladder.TIME, 0),
    MICROSECONDS("us", Ladder.TIME, 1),
    MILLISECONDS("ms", Ladder.TIME, 2),
    SECONDS("s", Ladder.TIME, 3),
    PERCENT("percent", Ladder.PERCENT, 0);

    /** Families of symbols a value climbs through as it grows. */
    private enum Ladder {
        // Memory sizes use binary prefixes because the kernel's sizes are powers of two.
        BYTES(1024, "B", "KiB", "MiB", "GiB", "TiB", "PiB"),
        TIME(1000, "ns", "µs", "ms", "s"),
        COUNT(1, ""),
        PAGES(1, "pages"),
        PERCENT(1, "%");

        final double factor;
        final List<String> symbols;

        Ladder(double factor, String... symbols) {
            this.factor = factor;
            this.symbols = List.of(symbols);
        }
    }

    /** A chosen step of the unit's ladder: values are divided by {@code divisor} and followed by {@code symbol}. */
    public record Magnitude(double divisor, String symbol) {}

    private final String jsonName;
    private final Ladder ladder;
    private final int rung;

    Unit(String jsonName, Ladder ladder, int rung) {
        this.jsonName = jsonName;
        this.ladder = ladder;
        this.rung = rung;
    }

    /** The name used for this unit in the vnd JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** Reads a unit written by {@link #jsonName()}; unknown or missing names read as {@link #NONE}. */
    public static Unit fromJson(String name) {
        for (Unit u : values()) {
            if (u.jsonName.equals(name)) {
                return u;
            }
        }
        return NONE;
    }

    /** True for units whose large values are best shortened with k/M/G rather than a bigger unit. */
    public boolean usesSiSuffix() {
        return ladder == Ladder.COUNT || ladder == Ladder.PAGES;
    }

    /** The largest rung of the ladder at which {@code maxAbs} is still at least 1. */
    public Magnitude magnitude(double maxAbs) {
        double divisor = 1;
        int i = rung;
        double v = Math.abs(maxAbs);
        while (i + 1 < ladder.symbols.size() && ladder.factor > 1 && v / (divisor * ladder.factor) >= 1) {
            divisor *= ladder.factor;
            i++;
        }
        return new Magnitude(divisor, ladder.symbols.get(i));
    }

    /** The unit's own name for a reader, e.g. "pages", "bytes", "ns"; empty for {@link #NONE}. */
    public String displayName() {
        return switch (this) {
            case NONE -> "";
            case BYTES -> "bytes";
            default -> ladder.symbols.get(rung);
        };
    }

    /** An axis title with the unit symbol in parentheses, e.g. "size (MiB)". */
    public String axisTitle(String label, Magnitude m) {
        if (m.symbol().isEmpty()) {
            return label;
        }
        return label.isEmpty() ? m.symbol() : label + " (" + m.symbol() + ")";
    }

    /** One value written for a person, e.g. "3.5 MiB", "12,345 pages", "1.25 ms". */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "–" : (value > 0 ? "∞" : "-∞");
        }
        Magnitude m = magnitude(value);
        double scaled = value / m.divisor();
        String number = m.divisor() == 1 ? plain(scaled) : threeDigits(scaled);
        return switch (ladder) {
            case COUNT -> number;
            case PERCENT -> number + "%";
            default -> number + " " + m.symbol();
        };
    }

    /** A number with thousands separators when integral, else with up to three significant decimals. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return threeDigits(v);
    }

    /** Three significant digits at most, enough to compare values at a glance. */
    static String threeDigits(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 100) {
            s = String.format(Locale.ROOT, "%,.0f", v);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 1) {
            s = String.format(Locale.ROOT, "%.2f", v);
        } else {
            s = String.format(Locale.ROOT, "%.3g", v);
        }
        s = stripZeros(s);
        return s.equals("-0") ? "0" : s;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".") || s.contains("e")) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
