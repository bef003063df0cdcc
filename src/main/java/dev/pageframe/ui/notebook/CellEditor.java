package dev.pageframe.ui.notebook;

import dev.pageframe.execution.CompileDiagnostic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The source editor of a cell: a RichTextFX code area that is as tall as its text (the notebook page
 * scrolls, never the editor), with Java highlighting, kernel API names marked, compile errors underlined in
 * place and the line an exception came from marked.
 */
public final class CellEditor extends CodeArea {
    private final JavaSyntax syntax;
    private final List<java.util.function.Consumer<KeyEvent>> keyInterceptors = new ArrayList<>();
    private List<CompileDiagnostic> diagnostics = List.of();
    private int errorLine;
    /** Marks beyond this many in one cell are not drawn (the count in the find bar still has them all). */
    private static final int MAX_FIND_MARKS = 500;
    private final List<org.fxmisc.richtext.Selection<java.util.Collection<String>, String, java.util.Collection<String>>>
            findSelections = new ArrayList<>();

    /**
     * An editor for {@code text}.
     *
     * @param syntax highlighting for Java, or null for plain text (Markdown and raw cells)
     */
    public CellEditor(String text, JavaSyntax syntax) {
        super(text);
        this.syntax = syntax;
        getStyleClass().add("cell-editor");
        if (syntax != null) {
            getStyleClass().add("java");
            setParagraphGraphicFactory(LineNumber.factory(getParagraphs().size()));
            // The numbers are padded to the digits of the last line: a new factory when that width changes.
            getParagraphs().sizeProperty().addListener((obs, was, now) -> {
                if (LineNumber.width(was) != LineNumber.width(now)) {
                    setParagraphGraphicFactory(LineNumber.factory(now));
                }
            });
        }
        setWrapText(true);
        setAutoHeight(true);
        // autoHeight measures wrapped lines at the width the area had when asked; ask again when it changes.
        widthProperty().addListener((obs, was, now) -> {
            if (Math.abs(was.doubleValue() - now.doubleValue()) > 0.5) {
                requestLayout();
            }
        });
        setMouseOverTextDelay(Duration.ofMillis(450));
        getUndoManager().forgetHistory();
        multiPlainChanges().subscribe(changes -> restyle());
        restyle();
        addEventFilter(KeyEvent.KEY_PRESSED, this::editKeys);
    }

    /**
     * Lets a helper (the completion list) see key presses before the editor and the notebook do; it consumes
     * the ones it takes.
     */
    public void addKeyInterceptor(java.util.function.Consumer<KeyEvent> interceptor) {
        keyInterceptors.add(interceptor);
    }

    /** Enter keeps the indentation of the line (one level more after an opening brace); Tab indents. */
    private void editKeys(KeyEvent e) {
        for (var interceptor : keyInterceptors) {
            interceptor.accept(e);
            if (e.isConsumed()) {
                return;
            }
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown() && e.getCode() == KeyCode.ENTER) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER && syntax != null) {
            String line = getParagraph(getCurrentParagraph()).getText();
            int caretCol = getCaretColumn();
            String before = line.substring(0, Math.min(caretCol, line.length()));
            StringBuilder indent = new StringBuilder();
            for (char c : before.toCharArray()) {
                if (c == ' ' || c == '\t') {
                    indent.append(c);
                } else {
                    break;
                }
            }
            if (before.stripTrailing().endsWith("{")) {
                indent.append("    ");
            }
            replaceSelection("\n" + indent);
            requestFollowCaret();
            e.consume();
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && syntax != null) {
            replaceSelection("    ");
            e.consume();
        }
    }

    /** Shows Find's matches as highlights behind the text, the current one stronger; null takes them away. */
    public void setFindMarks(FindMarks marks) {
        findSelections.forEach(this::removeSelection);
        findSelections.clear();
        if (marks == null) {
            return;
        }
        java.util.regex.Matcher m = marks.pattern().matcher(getText());
        while (m.find() && findSelections.size() < MAX_FIND_MARKS) {
            if (m.end() == m.start()) {
                continue;
            }
            String style = m.start() == marks.currentStart() ? "find-current" : "find-match";
            var mark = new org.fxmisc.richtext.SelectionImpl<java.util.Collection<String>, String, java.util.Collection<String>>(
                    "find-" + findSelections.size(), this, path -> path.getStyleClass().add(style));
            addSelection(mark);
            mark.selectRange(m.start(), m.end());
            findSelections.add(mark);
        }
    }

    /** How many Find matches this editor marks now (tests read it). */
    public int findMarkCount() {
        return findSelections.size();
    }

    private double heightForWidth = Double.NaN;
    private double cachedHeight;

    /** The height of all lines at {@code width}; remembered until the text or its layout changes. */
    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? getWidth() : width;
        if (w == heightForWidth && w > 0) {
            return cachedHeight;
        }
        cachedHeight = super.computePrefHeight(width);
        heightForWidth = w;
        return cachedHeight;
    }

    @Override
    public void requestLayout() {
        heightForWidth = Double.NaN;
        super.requestLayout();
    }

    /** Underlines the compiler's errors and warnings until the text next changes. */
    public void setDiagnostics(List<CompileDiagnostic> newDiagnostics) {
        boolean none = diagnostics.isEmpty() && newDiagnostics.isEmpty();
        diagnostics = List.copyOf(newDiagnostics);
        if (!none) {
            // Restyling the whole text is a few milliseconds in a long cell; nothing to clear or add, nothing to do.
            restyle();
        }
    }

    /** Marks the 1-based line an error came from (0 clears). */
    public void setErrorLine(int line) {
        if (errorLine > 0 && errorLine <= getParagraphs().size()) {
            setParagraphStyle(errorLine - 1, List.of());
        }
        errorLine = line;
        if (line > 0 && line <= getParagraphs().size()) {
            setParagraphStyle(line - 1, List.of("error-line"));
        }
    }

    public int errorLine() {
        return errorLine;
    }

    public List<CompileDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** Replaces the whole text without leaving an undo step (for model-driven updates). */
    public void resetText(String text) {
        if (!getText().equals(text)) {
            replaceText(text);
            getUndoManager().forgetHistory();
        }
    }

    /** The caret position on screen, for popups. */
    public Optional<Bounds> caretScreenBounds() {
        return getCaretBounds();
    }

    private void restyle() {
        String text = getText();
        if (text.isEmpty()) {
            return;
        }
        StyleSpans<Collection<String>> spans = syntax == null
                ? StyleSpans.singleton(List.of(), text.length())
                : syntax.styleSpans(text);
        if (!diagnostics.isEmpty()) {
            spans = spans.overlay(diagnosticSpans(text.length()), (a, b) -> {
                if (b.isEmpty()) {
                    return a;
                }
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        setStyleSpans(0, spans);
    }

    private StyleSpans<Collection<String>> diagnosticSpans(int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        List<CompileDiagnostic> sorted = diagnostics.stream()
                .sorted(java.util.Comparator.comparingInt(CompileDiagnostic::startOffset)).toList();
        for (CompileDiagnostic d : sorted) {
            int start = Math.max(at, Math.min(d.startOffset(), length));
            int end = Math.min(Math.max(d.endOffset(), d.startOffset() + 1), length);
            if (end <= start) {
                continue;
            }
            if (start > at) {
                b.add(List.of(), start - at);
            }
            b.add(List.of(d.severity() == CompileDiagnostic.Severity.ERROR ? "compile-error" : "compile-warning"), end - start);
            at = end;
        }
        b.add(List.of(), length - at);
        return b.create();
    }
}
