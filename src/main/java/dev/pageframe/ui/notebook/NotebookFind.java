package dev.pageframe.ui.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * Find and replace across every cell of a notebook: the matches of a {@link FindQuery} in the cells' sources,
 * in order, a current one that next and previous move through, and replacing one or all of them. The cells show
 * the matches through {@link CellModel#findMarksProperty()}.
 */
public final class NotebookFind {
    /** One match: a cell and a range of its source. */
    public record Match(CellModel cell, int start, int end) {}

    private final NotebookView view;
    private final List<Match> matches = new ArrayList<>();
    private final ReadOnlyObjectWrapper<String> summary = new ReadOnlyObjectWrapper<>(this, "summary", "");
    private Pattern pattern;
    private int current = -1;
    /** While Find is open, an edit, a new cell or a deleted one re-counts the matches (once per pulse). */
    private final ChangeListener<String> edited = (obs, was, now) -> refreshLater();
    private final ListChangeListener<CellModel> cellsChanged = change -> {
        while (change.next()) {
            change.getRemoved().forEach(c -> c.sourceProperty().removeListener(edited));
            change.getAddedSubList().forEach(c -> c.sourceProperty().addListener(edited));
        }
        refreshLater();
    };
    private boolean watching;
    private boolean replacing;
    private boolean refreshQueued;

    NotebookFind(NotebookView view) {
        this.view = view;
    }

    /** "3 of 12", "No matches", or what is wrong with a regular expression. */
    public ReadOnlyObjectProperty<String> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public List<Match> matches() {
        return List.copyOf(matches);
    }

    /** The index of the current match, or -1. */
    public int current() {
        return current;
    }

    /** Looks for {@code query} from the selected cell on; false if the query is not a valid regular expression. */
    public boolean search(FindQuery query) {
        if (query.isEmpty()) {
            clear();
            return true;
        }
        try {
            pattern = query.pattern();
        } catch (PatternSyntaxException e) {
            clear();
            summary.set("Not a valid regular expression: " + e.getDescription());
            return false;
        }
        watch(true);
        collect();
        CellModel from = view.selected();
        int fromIndex = from == null ? 0 : view.document().cells().indexOf(from);
        current = -1;
        for (int i = 0; i < matches.size() && current < 0; i++) {
            if (view.document().cells().indexOf(matches.get(i).cell()) >= fromIndex) {
                current = i;
            }
        }
        if (current < 0 && !matches.isEmpty()) {
            current = 0;
        }
        show(false);
        return true;
    }

    private void collect() {
        matches.clear();
        for (CellModel c : view.document().cells()) {
            Matcher m = pattern.matcher(c.source());
            while (m.find()) {
                if (m.end() > m.start()) {
                    matches.add(new Match(c, m.start(), m.end()));
                }
            }
        }
    }

    /** Moves to the next match (+1) or the previous one (-1), round the notebook. */
    public void move(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        current = Math.floorMod(current + direction, matches.size());
        show(true);
    }

    /** Replaces the current match and moves on to the next; read-only notebooks are left as they are. */
    public void replaceCurrent(String replacement) {
        if (current < 0 || view.document().isReadOnly()) {
            return;
        }
        Match m = matches.get(current);
        String source = m.cell().source();
        Matcher matcher = pattern.matcher(source);
        if (!matcher.find(m.start()) || matcher.start() != m.start()) {
            return;
        }
        StringBuilder out = new StringBuilder(source.substring(0, m.start()));
        out.append(expand(matcher, replacement)).append(source.substring(matcher.end()));
        int after = current;
        replacing = true;
        try {
            view.document().replaceSources(Map.of(m.cell(), out.toString()));
        } finally {
            replacing = false;
        }
        collect();
        current = matches.isEmpty() ? -1 : Math.min(after, matches.size() - 1);
        show(true);
    }

    /** Replaces every match in every cell; returns how many. */
    public int replaceAll(String replacement) {
        if (pattern == null || view.document().isReadOnly()) {
            return 0;
        }
        int n = matches.size();
        replacing = true;
        try {
            Map<CellModel, String> sources = new LinkedHashMap<>();
            for (CellModel c : List.copyOf(view.document().cells())) {
                Matcher m = pattern.matcher(c.source());
                String replaced = m.replaceAll(r -> Matcher.quoteReplacement(expand(r, replacement)));
                if (!replaced.equals(c.source())) {
                    sources.put(c, replaced);
                }
            }
            // One operation: Z in command mode takes the whole Replace All back.
            view.document().replaceSources(sources);
        } finally {
            replacing = false;
        }
        collect();
        current = matches.isEmpty() ? -1 : 0;
        show(false);
        return n;
    }

    /** The replacement for one match: {@code $1} and the like name groups of a regular expression. */
    private static String expand(java.util.regex.MatchResult r, String replacement) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\\$(\\d)").matcher(replacement);
        int last = 0;
        while (m.find()) {
            sb.append(replacement, last, m.start());
            int g = Integer.parseInt(m.group(1));
            sb.append(g <= r.groupCount() && r.group(g) != null ? r.group(g) : "");
            last = m.end();
        }
        return sb.append(replacement.substring(last)).toString();
    }

    /** Takes every mark away (Find closed). */
    public void clear() {
        watch(false);
        matches.clear();
        pattern = null;
        current = -1;
        summary.set("");
        for (CellModel c : view.document().cells()) {
            c.findMarksProperty().set(null);
        }
    }

    private void watch(boolean on) {
        if (on == watching) {
            return;
        }
        watching = on;
        if (on) {
            view.document().cells().addListener(cellsChanged);
            view.document().cells().forEach(c -> c.sourceProperty().addListener(edited));
        } else {
            view.document().cells().removeListener(cellsChanged);
            view.document().cells().forEach(c -> c.sourceProperty().removeListener(edited));
        }
    }

    /**
     * Re-counts after the user's own edits, later in the same pulse: the editor is still applying its change when
     * the source property fires, and RichTextFX's marks must not be rebuilt inside that.
     */
    private void refreshLater() {
        if (replacing || refreshQueued || pattern == null) {
            return;
        }
        refreshQueued = true;
        Platform.runLater(() -> {
            refreshQueued = false;
            refresh();
        });
    }

    /** The matches again, the current one staying where it was in the notebook (or the next one after it). */
    void refresh() {
        if (pattern == null) {
            return;
        }
        Match was = current < 0 ? null : matches.get(current);
        collect();
        current = matches.isEmpty() ? -1 : 0;
        if (was != null) {
            int wasCell = view.document().cells().indexOf(was.cell());
            for (int i = 0; i < matches.size(); i++) {
                Match m = matches.get(i);
                int cell = view.document().cells().indexOf(m.cell());
                if (cell > wasCell || cell == wasCell && m.start() >= was.start()) {
                    current = i;
                    break;
                }
            }
        }
        show(false);
    }

    private void show(boolean reveal) {
        Match now = current < 0 ? null : matches.get(current);
        for (CellModel c : view.document().cells()) {
            boolean has = matches.stream().anyMatch(m -> m.cell() == c);
            FindMarks marks = !has ? null : now != null && now.cell() == c
                    ? new FindMarks(pattern, now.start(), now.end()) : new FindMarks(pattern, -1, -1);
            c.findMarksProperty().set(marks);
        }
        summary.set(matches.isEmpty() ? "No matches" : (current + 1) + " of " + matches.size());
        if (reveal && now != null) {
            view.document().unfoldTo(now.cell());
            view.select(now.cell());
        }
    }
}
