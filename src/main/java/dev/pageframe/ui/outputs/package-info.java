/**
 * Views of notebook cell outputs, native JavaFX throughout (no WebView).
 *
 * <p>The entry point is {@link dev.pageframe.ui.outputs.OutputViews#render}. Streams and errors
 * have their own views; rich outputs ({@code display_data}, {@code execute_result}) are shown by
 * the first renderer in {@code OutputViews.REGISTRY} whose MIME type the bundle holds:
 * <ol>
 *   <li>{@code application/vnd.pageframe.*+json}: interactive frame map, buddyinfo, charts, tables;</li>
 *   <li>{@code image/png}, {@code image/jpeg}, {@code image/gif};</li>
 *   <li>{@code text/html}: a lone table as a table, otherwise its text (tags stripped);</li>
 *   <li>{@code text/markdown}, {@code application/json}, {@code text/plain};</li>
 *   <li>{@code image/svg+xml} alone: a notice, as JavaFX cannot draw SVG documents.</li>
 * </ol>
 * A renderer that cannot show its entry after all (bad data) throws
 * {@link java.lang.IllegalArgumentException} and the next type is tried.
 *
 * <h2>Adding a kind of output</h2>
 * <ol>
 *   <li>Write one class, e.g. {@code SlabInfoView extends VBox}, with a style class
 *       {@code output-slabinfo} and a factory {@code static Node render(MimeRequest request)} (a
 *       {@link dev.pageframe.ui.outputs.MimeRenderer}). Keep it fast: wrap anything heavy in a
 *       {@link dev.pageframe.ui.outputs.Lazy} so it is built when first shown, with
 *       {@code request.fallback()} as its failure view.</li>
 *   <li>Add one line to {@code OutputViews.REGISTRY}, where its richness puts it:
 *       {@code Registration.of("application/vnd.pageframe.slabinfo+json", SlabInfoView::render)}.</li>
 *   <li>Style it in {@code outputs.css} with AtlantaFX looked-up colours only.</li>
 * </ol>
 *
 * <h2>Styles and themes</h2>
 * {@code /dev/pageframe/ui/outputs/outputs.css} ({@link dev.pageframe.ui.outputs.OutputViews#STYLESHEET})
 * styles outputs and Markdown; each rendered node adds it to itself, so the app needs nothing
 * more than an AtlantaFX user-agent stylesheet. Colours are looked up ({@code -color-fg-default},
 * {@code -color-bg-subtle}, …) so PrimerLight and PrimerDark both work, switching live. Chart
 * series use the Okabe–Ito colours of the SVG renderer; the frame map uses
 * {@link dev.pageframe.execution.display.Palette#frameKind}, with free frames, holes and the kernel
 * image adapted to dark backgrounds.
 */
package dev.pageframe.ui.outputs;
