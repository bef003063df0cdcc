package dev.pageframe.ui.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.chart.ValueAxis;

/**
 * A base-10 logarithmic value axis: major ticks at powers of ten, minor ticks at 2…9 of each
 * decade. It starts half a decade below the smallest positive value, so a count of one still
 * draws as a short bar; values ≤ 0 cannot be placed and sit at the axis' start.
 */
final class LogAxis extends ValueAxis<Number> {

    private final DoubleFunction<String> labels;

    LogAxis(String label, DoubleFunction<String> labels) {
        this.labels = labels;
        setLabel(label);
        setMinorTickCount(0);
        setAutoRanging(true);
    }

    @Override
    public void invalidateRange(List<Number> data) {
        List<Number> positive = new ArrayList<>(data.size());
        for (Number n : data) {
            if (n != null && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
                positive.add(n);
            }
        }
        if (positive.isEmpty()) {
            positive.add(1);
            positive.add(10);
        }
        super.invalidateRange(positive);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double lo = minValue > 0 ? minValue : 1;
        double hi = maxValue > lo ? maxValue : lo * 10;
        double bottom = Math.pow(10, Math.floor(Math.log10(lo))) / 2;
        double top = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (top <= bottom * 2) {
            top = bottom * 20;
        }
        return new double[] {bottom, top};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        List<Number> ticks = new ArrayList<>();
        for (int e = (int) Math.ceil(Math.log10(r[0]) - 1e-9); e <= Math.floor(Math.log10(r[1]) + 1e-9); e++) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = new ArrayList<>();
        double lo = getLowerBound();
        double hi = getUpperBound();
        for (int e = (int) Math.floor(Math.log10(lo)); e < Math.ceil(Math.log10(hi)); e++) {
            double decade = Math.pow(10, e);
            for (int k = 2; k <= 9; k++) {
                double v = k * decade;
                if (v > lo && v < hi) {
                    minor.add(v);
                }
            }
        }
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return labels.apply(value.doubleValue());
    }

    private double fraction(double value) {
        double lo = Math.log10(getLowerBound());
        double hi = Math.log10(getUpperBound());
        double v = value > 0 ? Math.log10(value) : lo;
        return (Math.max(lo, v) - lo) / (hi - lo);
    }

    @Override
    public double getDisplayPosition(Number value) {
        double f = fraction(value.doubleValue());
        return getSide().isVertical() ? (1 - f) * getHeight() : f * getWidth();
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double lo = Math.log10(getLowerBound());
        double hi = Math.log10(getUpperBound());
        double f = getSide().isVertical() ? 1 - displayPosition / getHeight() : displayPosition / getWidth();
        return Math.pow(10, lo + f * (hi - lo));
    }

    @Override
    public double getZeroPosition() {
        return Double.NaN;
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        return v >= getLowerBound() && v <= getUpperBound();
    }
}
