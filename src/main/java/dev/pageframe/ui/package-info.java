/**
 * Pageframe's desktop app (JavaFX, AtlantaFX themes, views in code, no FXML).
 *
 * <ul>
 *   <li>{@link dev.pageframe.ui.PageframeApp}: the application; {@code launchApp(args)} for the CLI,
 *       {@link dev.pageframe.ui.PageframeLauncher} as a class-path main, {@link dev.pageframe.ui.AppProbe} (the hook the measuring harness in {@code dev.pageframe.measure} plugs into) for
 *       start-up and FX-thread timings.
 *   <li>{@code ui.app}: the main window (menus, toolbar, tabs, outline, status bar, trust banner), wired through
 *       a tiny event bus; {@code AppEnvironment} holds everything outside the app (trust store, files, docs,
 *       kernels), so tests can replace it.
 *   <li>{@code ui.notebook}: the notebook page: {@code NotebookDocument} (the view model: cells, file, trust,
 *       kernel, stale tracking), {@code NotebookView} (one scrolling page, cells built lazily, Jupyter keys) and
 *       one view class per cell kind.
 *   <li>{@code ui.docs}: the documentation pages from {@code content/} and their pane.
 *   <li>{@code ui.markdown} and {@code ui.outputs}: Markdown and output rendering.
 * </ul>
 *
 * <p>The FX thread never waits: files, trust checks, kernels and completions run on background threads and
 * hand their results back with {@code Platform.runLater}.
 */
package dev.pageframe.ui;
