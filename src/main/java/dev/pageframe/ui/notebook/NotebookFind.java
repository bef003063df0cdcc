package dev.pageframe.ui.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
        m.cell().sourceProperty().set(out.toString());
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
        for (CellModel c : List.copyOf(view.document().cells())) {
            Matcher m = pattern.matcher(c.source());
            String replaced = m.replaceAll(r -> Matcher.quoteReplacement(expand(r, replacement)));
            if (!replaced.equals(c.source())) {
                c.sourceProperty().set(replaced);
            }
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
        matches.clear();
        pattern = null;
        current = -1;
        summary.set("");
        for (CellModel c : view.document().cells()) {
            c.findMarksProperty().set(null);
        }
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
