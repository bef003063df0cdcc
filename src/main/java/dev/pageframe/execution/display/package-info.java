/**
 * Rich output for notebook cells: charts, tables and allocator views as Jupyter MIME bundles.
 *
 * <h2>Use from a cell</h2>
 * <pre>{@code
 * Map<String, Object> bundle = Charts.line("Free pages over time")
 *         .x("tick").y("free", Unit.PAGES)
 *         .series("Normal", ticks, free)          // double[], long[], int[] or List<Number>
 *         .mimeBundle();                          // or .build() for the record
 * }</pre>
 * Every chart is an immutable record implementing {@link dev.pageframe.execution.display.Chart};
 * {@code chart.mimeBundle()} gives an insertion-ordered map of
 * <ul>
 *   <li>{@code text/plain}: a summary for terminals and screen readers;</li>
 *   <li>{@code image/svg+xml}: a standalone SVG document (tables give {@code text/html} instead);</li>
 *   <li>{@code application/vnd.pageframe.<kind>+json}: the data as a Jackson tree, which
 *       {@link dev.pageframe.execution.display.VndJson#read} and
 *       {@link dev.pageframe.execution.display.MimeBundles#chartOf} turn back into the record.</li>
 * </ul>
 *
 * <h2>The vnd JSON, version 1</h2>
 * Common fields: {@code version}, {@code kind}, {@code title}. An axis is
 * {@code {label, unit, scale}} with unit one of none, pages, bytes, kib, ns, us, ms, s, percent and
 * scale linear or log. Numbers that are not finite are null.
 * <dl>
 *   <dt>line, area</dt><dd>{@code x}, {@code y}, {@code maxPoints}, {@code stacked} (area),
 *       {@code series: [{name, sourcePoints, downsampling: "lttb"|"none", points: [[x, y], …]}]}</dd>
 *   <dt>bar, stacked</dt><dd>{@code x}, {@code y}, {@code categories: […]},
 *       {@code series: [{name, values: […]}]}</dd>
 *   <dt>histogram</dt><dd>{@code x}, {@code y}, {@code name}, {@code binning},
 *       {@code bins: [{from, to, count}]}, {@code stats: {count, min, max, mean, median, p99}}</dd>
 *   <dt>table</dt><dd>{@code columns: [{header, unit}]}, {@code rows: [[cell, …]]}</dd>
 *   <dt>framemap</dt><dd>{@code pageSize}, {@code firstPfn}, {@code endPfn},
 *       {@code zones: [{name, startPfn, endPfn}]}, {@code runFields} naming the columns of
 *       {@code runs: [[startPfn, count, kind, zone, order, owner]]} (run-length, never per frame),
 *       {@code colors: {kind: "#rrggbb"}}</dd>
 *   <dt>buddyinfo</dt><dd>{@code node}, {@code pageSize}, {@code scale},
 *       {@code zones: [{name, nrFree: […], freePages, watermarks?: {min, low, high}}]}</dd>
 * </dl>
 *
 * <p>Long series keep at most {@code maxPoints} points (default 2000), chosen by
 * {@link dev.pageframe.execution.display.Lttb}; histograms bin by Freedman–Diaconis unless a bin
 * count is given ({@link dev.pageframe.execution.display.Binning}). Output is deterministic and
 * needs no display: nothing here touches JavaFX or AWT.
 */
package dev.pageframe.execution.display;
