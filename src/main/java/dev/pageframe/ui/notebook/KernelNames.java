package dev.pageframe.ui.notebook;

import dev.pageframe.execution.cells.CellNames;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's view of the kernel API names a cell sees ({@link CellNames}): which name under the
 * caret has an API page.
 */
public final class KernelNames {
    private static final Set<String> NAMES = CellNames.kernelNames();
    private static final Set<String> CHART_BUILDERS = CellNames.chartBuilders();

    private KernelNames() {}

    /** Every kernel name a cell may use, e.g. {@code kmalloc}, {@code GFP_KERNEL}, {@code PAGE_SIZE}. */
    public static Set<String> all() {
        return NAMES;
    }

    /** True for a name from {@link #all()}. */
    public static boolean isKernelName(String word) {
        return NAMES.contains(word);
    }

    /**
     * The name whose API page explains the identifier {@code word} in {@code text}: a kernel name as it is,
     * a chart builder qualified ({@code Charts.line} for {@code line} in {@code Charts.line(}), {@code Charts}
     * itself; empty for anything else (a local variable called {@code line} has no page).
     */
    public static Optional<String> documentedName(String text, JavaSyntax.Word word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.text();
        if (w.equals("Charts")) {
            return Optional.of("Charts");
        }
        int dot = word.start() - 1;
        while (dot >= 0 && Character.isWhitespace(text.charAt(dot))) {
            dot--;
        }
        if (dot >= 0 && text.charAt(dot) == '.') {
            int ownerEnd = dot;
            while (ownerEnd > 0 && Character.isWhitespace(text.charAt(ownerEnd - 1))) {
                ownerEnd--;
            }
            JavaSyntax.Word owner = JavaSyntax.wordAt(text, ownerEnd);
            if (owner != null && owner.text().equals("Charts") && CHART_BUILDERS.contains(w)) {
                return Optional.of("Charts." + w);
            }
            return Optional.empty(); // a method of some other object, e.g. list.size()
        }
        return isKernelName(w) ? Optional.of(w) : Optional.empty();
    }

}
