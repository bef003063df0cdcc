package dev.pageframe.execution.display;

/**
 * The one wording of axis titles and tick labels, shared by the SVG ({@code AxisScale}) and the
 * app's JavaFX axes ({@code ui.outputs.AxisFormat}): sizes and times in the magnitude that suits the
 * data ("size (MiB)", ticks 0, 128, 256), counts and pages shortened with k/M/G from ten thousand up.
 */
public final class AxisLabels {
    private static final String[] SI = {"", "k", "M", "G", "T"};

    private AxisLabels() {}

    /** "free (pages)", "size (MiB)", "share (%)", or the bare label for unitless axes. */
    public static String title(Axis axis, Unit.Magnitude m) {
        return axis.unit().axisTitle(axis.label(), m);
    }

    /** The title of a log axis: counts keep their unit in it; sizes and times carry theirs in every label. */
    public static String logTitle(Axis axis) {
        Unit unit = axis.unit();
        return unit.usesSiSuffix() ? unit.axisTitle(axis.label(), unit.magnitude(1)) : axis.label();
    }

    /**
     * The suffix that shortens the tick labels of {@code unit} when the largest tick (in the axis'
     * magnitude) is {@code maxAbs}: k/M/G/T for counts from ten thousand up, none otherwise.
     */
    public static Unit.Magnitude suffix(Unit unit, double maxAbs) {
        return unit.usesSiSuffix() ? Ticks.siMagnitude(maxAbs) : new Unit.Magnitude(1, "");
    }

    /** A tick label for {@code value} on an axis stepping by {@code step} (both in the axis' magnitude). */
    public static String tick(double value, double step, Unit.Magnitude suffix) {
        // Zero is the same in every magnitude; "0k" or "0.0M" would only make it look like it is not.
        if (value == 0) {
            return "0";
        }
        return Ticks.label(value / suffix.divisor(), step / suffix.divisor()) + suffix.symbol();
    }

    /** A label for a power of ten on a log axis: 1, 10, 100, 1k, 10k for counts; the unit's own form otherwise. */
    public static String logTick(Unit unit, double v) {
        if (unit.usesSiSuffix()) {
            int i = 0;
            double scaled = v;
            while (i + 1 < SI.length && scaled >= 1000) {
                scaled /= 1000;
                i++;
            }
            return Ticks.label(scaled, Math.min(1, scaled)) + SI[i];
        }
        return unit.format(v);
    }
}
