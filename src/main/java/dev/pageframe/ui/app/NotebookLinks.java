package dev.pageframe.ui.app;

import dev.pageframe.ui.markdown.Anchors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Follows links from cells and documentation pages: to the browser, to a notebook (at its heading), or to a page. */
final class NotebookLinks {
    private final MainWindow w;
    /** The {@code #heading} a link asked for, for a tab whose first page is still coming. */
    private final Map<NotebookTab, String> headingOnFirstPage = new HashMap<>();

    NotebookLinks(MainWindow window) {
        this.w = window;
    }

    /** Follows a link: web pages go to the browser, notebooks open, documentation pages show beside them. */
    void follow(String href, Path baseDir) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
            w.browse(href);
        } else if (lower.contains(".ipynb")) {
            w.bus().publish(new EventBus.OpenNotebookLink(href, baseDir));
        } else if (lower.contains(".md")) {
            w.docsShownProperty().set(true);
            w.docs().follow(null, href);
        } else {
            w.status().setMessage("Cannot open link " + href);
        }
    }

    /** Opens a linked notebook (beside the linking one, else among the bundled ones), at its {@code #heading}. */
    void openNotebook(String href, Path baseDir) {
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = Anchors.fragmentOf(href);
        CompletableFuture<NotebookTab> opening = null;
        if (baseDir != null) {
            Path p = baseDir.resolve(target).normalize();
            if (Files.isRegularFile(p)) {
                opening = w.open(p);
            }
        }
        if (opening == null) {
            opening = w.openBundled(target.substring(target.lastIndexOf('/') + 1));
        }
        if (fragment != null) {
            // A notebook just opened goes to the heading once its first page is on screen.
            opening.thenAccept(tab -> {
                if (w.awaitingFirstPage(tab)) {
                    headingOnFirstPage.put(tab, fragment);
                } else {
                    scrollToHeading(tab, fragment);
                }
            });
        }
    }

    /** The tab's first page is on screen: a heading a link asked for is scrolled to now. */
    void firstPageShown(NotebookTab tab, boolean stillOpen) {
        String heading = headingOnFirstPage.remove(tab);
        if (heading != null && stillOpen) {
            scrollToHeading(tab, heading);
        }
    }

    void forget(NotebookTab tab) {
        headingOnFirstPage.remove(tab);
    }

    private void scrollToHeading(NotebookTab tab, String fragment) {
        w.soon().post(() -> {
            if (!tab.view().scrollToHeading(fragment)) {
                w.status().setMessage("No heading #" + fragment + " in " + tab.getText());
            }
        });
    }
}
