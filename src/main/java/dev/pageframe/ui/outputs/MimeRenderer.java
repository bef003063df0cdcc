package dev.pageframe.ui.outputs;

import javafx.scene.Node;

/**
 * Makes the view of one MIME type. Implementations are registered in {@link OutputViews}; see
 * the package documentation for how to add one.
 */
@FunctionalInterface
public interface MimeRenderer {

    /**
     * The view of {@code request.mimeType()}. Called on the FX thread, so it must return quickly:
     * anything heavy goes into a {@link Lazy} that builds when first shown. Throwing
     * {@link IllegalArgumentException} means "cannot show this one" and the next type is tried.
     */
    Node render(MimeRequest request);
}
