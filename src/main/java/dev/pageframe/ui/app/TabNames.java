package dev.pageframe.ui.app;

import dev.pageframe.ui.notebook.NotebookDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Tells apart tabs whose files share a name: two {@code lab.ipynb} from different folders show as
 * {@code lab.ipynb — week1} and {@code lab.ipynb — week2}, with as many folders as it takes to differ. A name open
 * once shows alone. Kept current as tabs open and close and as Save As moves a notebook.
 */
final class TabNames {
    private final TabPane tabs;
    private final InvalidationListener refresh = obs -> refresh();

    private TabNames(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Keeps the notebook tabs of {@code tabs} told apart from now on; returns {@code tabs}. */
    static TabPane watch(TabPane tabs) {
        TabNames names = new TabNames(tabs);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(t -> names.forDocument(t, d -> d.fileProperty().removeListener(names.refresh)));
                change.getAddedSubList().forEach(t -> names.forDocument(t, d -> d.fileProperty().addListener(names.refresh)));
            }
            names.refresh();
        });
        return tabs;
    }

    private void forDocument(Tab tab, Consumer<NotebookDocument> action) {
        if (tab instanceof NotebookTab t) {
            action.accept(t.document());
        }
    }

    private void refresh() {
        List<NotebookTab> open = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof NotebookTab nt) {
                open.add(nt);
                files.add(nt.document().file());
            }
        }
        List<String> places = places(files);
        for (int i = 0; i < open.size(); i++) {
            open.get(i).setPlace(places.get(i));
        }
    }

    /**
     * For each file, the folders that tell it apart from the other files of its name (empty when its name is
     * unique, or for a notebook without a file): the fewest trailing folders of its path that no other file of that
     * name shares, joined by {@code /}.
     */
    static List<String> places(List<Path> files) {
        Map<String, List<Path>> byName = new HashMap<>();
        for (Path f : files) {
            if (f != null && f.getFileName() != null) {
                List<Path> same = byName.computeIfAbsent(f.getFileName().toString(), k -> new ArrayList<>());
                Path p = f.toAbsolutePath().normalize();
                if (!same.contains(p)) {
                    // One file in two tabs (its restored copy beside it): its folder would tell nothing apart.
                    same.add(p);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            List<Path> same = f == null || f.getFileName() == null ? List.of() : byName.get(f.getFileName().toString());
            out.add(same.size() < 2 ? "" : distinguishing(f.toAbsolutePath().normalize(), same));
        }
        return out;
    }

    private static String distinguishing(Path file, List<Path> same) {
        Path folder = file.getParent();
        int depth = folder == null ? 0 : folder.getNameCount();
        for (int k = 1; k <= depth; k++) {
            Path tail = tail(folder, k);
            boolean unique = true;
            for (Path other : same) {
                if (!other.equals(file) && tail.equals(tail(other.getParent(), k))) {
                    unique = false;
                    break;
                }
            }
            if (unique) {
                return tail.toString();
            }
        }
        // A folder that is a tail of the other's: the whole folder says it.
        return folder == null ? "" : folder.toString();
    }

    /** The last {@code k} names of {@code folder}, or null when it has fewer. */
    private static Path tail(Path folder, int k) {
        int n = folder == null ? 0 : folder.getNameCount();
        return n < k ? null : folder.subpath(n - k, n);
    }

    /** The tab's text: the document's title with its place before the unsaved-changes mark. */
    static String text(String title, String place) {
        if (place.isEmpty()) {
            return title;
        }
        boolean unsaved = title.endsWith(NotebookDocument.UNSAVED_MARK);
        String name = unsaved ? title.substring(0, title.length() - NotebookDocument.UNSAVED_MARK.length()) : title;
        return name + " \u2014 " + place + (unsaved ? NotebookDocument.UNSAVED_MARK : "");
    }
}
