package dev.pageframe.ui.notebook;

import dev.pageframe.ui.outputs.OutputContext;
import java.util.Optional;

/** What the notebook view needs from the rest of the app: documentation, links, output rendering and exercises. */
public interface NotebookServices {
    /** The one-sentence summary of an API name's documentation page, if there is one. */
    default Optional<String> apiSummary(String name) {
        return Optional.empty();
    }

    /** Shows the documentation page of an API name (F1); returns false if there is none. */
    default boolean openApiDocs(String name) {
        return false;
    }

    /** Follows a link clicked in a Markdown cell of {@code document}. */
    default void openLink(String href, NotebookDocument document) {}

    /** The context output views get (e.g. to open documentation from a chart). */
    default OutputContext outputContext() {
        return new OutputContext() {
            @Override
            public void openDocs(String apiName) {
                openApiDocs(apiName);
            }
        };
    }

    /** The controls of the exercise whose task is {@code taskCell} (Check, hints, solution), if it is one's task. */
    default Optional<javafx.scene.Node> exerciseControls(CellModel taskCell, NotebookDocument document) {
        return Optional.empty();
    }

    /** Where copied cells wait to be pasted; each call of this default gives the view a clipboard of its own. */
    default CellClipboard clipboard() {
        return new CellClipboard();
    }

    /** Services that do nothing, for tests and previews. */
    NotebookServices NONE = new NotebookServices() {};
}
