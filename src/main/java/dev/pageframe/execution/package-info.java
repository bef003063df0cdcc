/**
 * Cell execution for Pageframe notebooks: a {@link dev.pageframe.execution.KernelSession} runs Java
 * cells with JShell in a separate agent JVM and reports Jupyter-shaped outputs.
 *
 * <p>Typical use:
 * <pre>{@code
 * KernelConfig config = KernelConfig.defaults()
 *         .withStartupSnippets(List.of("import static dev.pageframe.engine.api.KernelApi.*;"));
 * try (KernelSession kernel = new KernelSession(config)) {
 *     kernel.addListener((state, detail) -> ...);          // NOT_STARTED, STARTING, IDLE, BUSY, DEAD, CLOSED
 *     CellResult result = kernel.execute(source, listener)  // CompletableFuture<CellResult>
 *             .join();
 *     kernel.interrupt();
 *     kernel.restart();
 * }
 * }</pre>
 *
 * <p>Outputs are {@link dev.pageframe.execution.StreamOutput}, {@link dev.pageframe.execution.ExecuteResult},
 * {@link dev.pageframe.execution.DisplayData} and {@link dev.pageframe.execution.ErrorOutput}; code in
 * cells publishes display data and progress through {@link dev.pageframe.execution.agent.CellContext}.
 */
package dev.pageframe.execution;
