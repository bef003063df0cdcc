package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Axis;
import dev.pageframe.execution.display.Unit;
import java.util.Locale;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Axis titles and tick labels in the chart's units, as the SVG renderer writes them: sizes in the
 * binary magnitude that suits the data ("size (MiB)", ticks 0, 128, 256), times likewise, counts
 * and pages with k/M/G suffixes.
 */
final class AxisFormat {

    private static final String[] SI = {"", "k", "M", "G", "T", "P"};

    private AxisFormat() {}

    /** Titles {@code axis} after {@code spec} and formats its ticks for values up to {@code maxAbs}. */
    static void apply(NumberAxis axis, Axis spec, double maxAbs) {
        Unit unit = spec.unit();
        Unit.Magnitude m = unit.magnitude(Double.isFinite(maxAbs) ? maxAbs : 1);
        axis.setLabel(title(spec, m));
        boolean si = unit.usesSiSuffix();
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double step = axis.getTickUnit() / m.divisor();
                return tick(n.doubleValue() / m.divisor(), step, si) + (unit == Unit.PERCENT ? "%" : "");
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
    }

    /**
     * Fixes the axis to [lo, hi] widened to round ticks in the unit's display magnitude (0, 128,
     * 256 MiB rather than the 134,217,728-byte steps JavaFX would pick), titled and labelled to match.
     *
     * @param targetTicks about how many ticks to aim for
     */
    static void fit(NumberAxis axis, Axis spec, double lo, double hi, boolean includeZero, int targetTicks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (includeZero) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        Unit.Magnitude m = spec.unit().magnitude(Math.max(Math.abs(lo), Math.abs(hi)));
        apply(axis, spec, Math.max(Math.abs(lo), Math.abs(hi)));
        setRange(axis, lo, hi, m.divisor(), targetTicks);
    }

    /** Sets [lo, hi] widened to a round step (in units of {@code divisor}) as the axis range. */
    static void setRange(NumberAxis axis, double lo, double hi, double divisor, int targetTicks) {
        double step = niceStep((hi - lo) / divisor, targetTicks) * divisor;
        double lower = Math.floor(lo / step + 1e-9) * step;
        double upper = Math.ceil(hi / step - 1e-9) * step;
        if (upper <= lower) {
            upper = lower + step;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(step);
    }

    /** The divisor of the magnitude {@link #apply} chose for values up to {@code maxAbs}. */
    static double divisor(Axis spec, double maxAbs) {
        return spec.unit().magnitude(Double.isFinite(maxAbs) ? maxAbs : 1).divisor();
    }

    /** "free (pages)", "size (MiB)", or the bare label for unitless axes. */
    static String title(Axis spec, Unit.Magnitude m) {
        if (spec.unit() == Unit.PERCENT) {
            return spec.label().isEmpty() ? "%" : spec.label() + " (%)";
        }
        return spec.unit().axisTitle(spec.label(), m);
    }

    /** The axis title for labels that carry their own unit (log ticks, categories). */
    static String bareTitle(Axis spec) {
        return spec.label();
    }

    /** A tick label: as many decimals as the step needs, thousands separated or suffixed k/M/G. */
    static String tick(double v, double step, boolean si) {
        if (v == 0) {
            return "0";
        }
        String suffix = "";
        if (si && Math.abs(step) >= 1000) {
            int k = 0;
            while (k + 1 < SI.length && Math.abs(step) >= 1000) {
                v /= 1000;
                step /= 1000;
                k++;
            }
            suffix = SI[k];
        }
        int decimals = decimals(step);
        return String.format(Locale.ROOT, "%,." + decimals + "f", v) + suffix;
    }

    static int decimals(double step) {
        double s = Math.abs(step);
        if (!(s > 0) || !Double.isFinite(s)) {
            return 0;
        }
        for (int d = 0; d < 6; d++) {
            double scaled = s * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 6;
    }

    /** A label for a power of ten on a log axis: 1, 10, 100, 1k, 10k for counts; the unit's form otherwise. */
    static String logTick(double v, Unit unit) {
        if (unit.usesSiSuffix()) {
            int k = 0;
            double s = v;
            while (k + 1 < SI.length && s >= 1000) {
                s /= 1000;
                k++;
            }
            return (s >= 1 ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%.1g", s)) + SI[k];
        }
        return unit.format(v);
    }

    /** A "nice" step (1, 2 or 5 times a power of ten) near {@code range / target}. */
    static double niceStep(double range, int target) {
        double raw = range / Math.max(1, target);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * p;
    }

    /** The largest finite magnitude among {@code values}, for choosing a unit's magnitude. */
    static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
