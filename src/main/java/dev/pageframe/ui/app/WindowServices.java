package dev.pageframe.ui.app;

import dev.pageframe.ui.docs.DocsPane;
import dev.pageframe.ui.notebook.CellClipboard;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookServices;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;

/** What the window gives every notebook page: documentation, links, exercises and the one cell clipboard. */
final class WindowServices implements NotebookServices {
    private final DocsPane docs;
    private final BooleanProperty docsShown;
    private final StatusBar status;
    private final AppEnvironment env;
    private final NotebookLinks links;
    private final CellClipboard clipboard = new CellClipboard();

    WindowServices(DocsPane docs, BooleanProperty docsShown, StatusBar status, AppEnvironment env, NotebookLinks links) {
        this.docs = docs;
        this.docsShown = docsShown;
        this.status = status;
        this.env = env;
        this.links = links;
    }

    @Override
    public Optional<String> apiSummary(String name) {
        return docs.library().summary(name);
    }

    @Override
    public boolean openApiDocs(String name) {
        docsShown.set(true);
        boolean found = docs.showApi(name);
        status.setMessage(found ? "" : "No documentation page for " + name);
        return found;
    }

    @Override
    public Optional<Node> exerciseControls(CellModel taskCell, NotebookDocument document) {
        return ExerciseControls.forTask(taskCell, document, env.userData().exercises(), status::setMessage);
    }

    @Override
    public void openLink(String href, NotebookDocument from) {
        links.follow(href, from.file() == null ? null : from.file().getParent());
    }

    @Override
    public CellClipboard clipboard() {
        return clipboard;
    }
}
