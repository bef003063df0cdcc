package dev.pageframe.execution.display;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): picks the points that keep a
 * long series' visual shape.
 *
 * <p>The first and last points are always kept. The points between are split into
 * {@code threshold - 2} equal buckets; from each bucket the point is kept that forms the largest
 * triangle with the point kept from the previous bucket and the average of the next bucket. A
 * spike is far from both neighbours, so its triangle is the largest and it survives.
 */
public final class Lttb {

    /** Points kept by default: about one per horizontal pixel of a wide chart, twice over. */
    public static final int DEFAULT_THRESHOLD = 2000;

    /** Fewer than three points leaves no bucket between first and last. */
    public static final int MIN_THRESHOLD = 3;

    private Lttb() {}

    /**
     * Indices (ascending) of the points to keep from {@code (x[i], y[i])}; all indices when the
     * series already has at most {@code threshold} points. x should be ascending.
     */
    public static int[] select(double[] x, double[] y, int threshold) {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + n);
        }
        if (threshold < MIN_THRESHOLD) {
            throw new IllegalArgumentException("threshold must be at least " + MIN_THRESHOLD + ": " + threshold);
        }
        if (n <= threshold) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[threshold];
        int k = 0;
        kept[k++] = 0;
        // Buckets cover the interior points only, so the first and last are never contested.
        double bucketSize = (double) (n - 2) / (threshold - 2);
        int previous = 0;
        for (int b = 0; b < threshold - 2; b++) {
            int start = (int) Math.floor(b * bucketSize) + 1;
            int end = (int) Math.floor((b + 1) * bucketSize) + 1;
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((b + 2) * bucketSize) + 1, n);

            // The next bucket's centroid stands in for the point not yet chosen there; the last
            // bucket looks ahead to the final point itself.
            double avgX = 0;
            double avgY = 0;
            int count = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                if (Double.isFinite(y[i])) {
                    avgX += x[i];
                    avgY += y[i];
                    count++;
                }
            }
            if (count == 0) {
                avgX = x[n - 1];
                avgY = Double.isFinite(y[n - 1]) ? y[n - 1] : 0;
            } else {
                avgX /= count;
                avgY /= count;
            }

            double ax = x[previous];
            double ay = Double.isFinite(y[previous]) ? y[previous] : avgY;
            int chosen = start;
            double best = -1;
            for (int i = start; i < end; i++) {
                if (!Double.isFinite(y[i])) {
                    continue;
                }
                // Twice the triangle's area; the factor does not change which point wins.
                double area = Math.abs((ax - avgX) * (y[i] - ay) - (ax - x[i]) * (avgY - ay));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            kept[k++] = chosen;
            previous = chosen;
        }
        kept[k] = n - 1;
        return kept;
    }

    /** The values of {@code values} at {@code indices}. */
    public static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
