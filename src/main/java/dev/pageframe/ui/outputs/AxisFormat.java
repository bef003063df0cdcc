package dev.pageframe.ui.outputs;

import dev.pageframe.execution.display.Axis;
import dev.pageframe.execution.display.AxisLabels;
import dev.pageframe.execution.display.Ticks;
import dev.pageframe.execution.display.Unit;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Puts the SVG's axis wording ({@link AxisLabels}) on a JavaFX {@link NumberAxis}, with round ticks
 * in the unit's magnitude: sizes in the binary magnitude that suits the data ("size (MiB)", ticks 0,
 * 128, 256), times likewise, counts and pages with k/M/G suffixes.
 */
final class AxisFormat {

    private AxisFormat() {}

    /** Titles {@code axis} after {@code spec} and labels its ticks in the magnitude for values up to {@code maxAbs}. */
    static void apply(NumberAxis axis, Axis spec, double maxAbs) {
        Unit unit = spec.unit();
        Unit.Magnitude m = unit.magnitude(Double.isFinite(maxAbs) ? maxAbs : 1);
        axis.setLabel(AxisLabels.title(spec, m));
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double step = axis.getTickUnit() / m.divisor();
                double largest = Math.max(Math.abs(axis.getLowerBound()), Math.abs(axis.getUpperBound())) / m.divisor();
                return AxisLabels.tick(n.doubleValue() / m.divisor(), step, AxisLabels.suffix(unit, largest));
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
        double[] span = Ticks.span(lo, hi, includeZero);
        double maxAbs = Math.max(Math.abs(span[0]), Math.abs(span[1]));
        apply(axis, spec, maxAbs);
        setRange(axis, span[0], span[1], divisor(spec, maxAbs), targetTicks);
    }

    /**
     * Sets [lo, hi] widened to a round step (in units of {@code divisor}) as the axis range, by
     * {@link Ticks#zoomRange}: the nearest 1-2-5 step, not the SVG's next larger one, so a zoom that
     * narrows the range by a wheel notch still gets finer ticks instead of being widened back.
     */
    static void setRange(NumberAxis axis, double lo, double hi, double divisor, int targetTicks) {
        Ticks.Range range = Ticks.zoomRange(lo, hi, divisor, targetTicks);
        axis.setAutoRanging(false);
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        axis.setTickUnit(range.step());
    }

    /** The divisor of the magnitude {@link #apply} chose for values up to {@code maxAbs}. */
    static double divisor(Axis spec, double maxAbs) {
        return spec.unit().magnitude(Double.isFinite(maxAbs) ? maxAbs : 1).divisor();
    }
}
