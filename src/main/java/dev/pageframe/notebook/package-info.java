/**
 * Pageframe's notebook file layer: the Jupyter nbformat 4.5 model, a permissive reader, a writer that
 * matches Jupyter's byte for byte, atomic saves, validation, the simulated machine stored in metadata,
 * and trust signatures kept on this computer.
 *
 * <p>Nothing here depends on JavaFX or on the rest of Pageframe, so the CLI and the app share it.
 */
package dev.pageframe.notebook;
