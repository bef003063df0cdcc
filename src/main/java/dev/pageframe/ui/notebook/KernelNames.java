package dev.pageframe.ui.notebook;

import dev.pageframe.engine.Gfp;
import dev.pageframe.engine.Gfp20;
import dev.pageframe.engine.api.KernelApi;
import dev.pageframe.engine.api.LegacyApi;
import dev.pageframe.engine.api.ModernApi;
import dev.pageframe.execution.cells.CellApi;
import dev.pageframe.execution.display.Charts;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel API names a cell sees (functions, GFP flags, page constants), read from the classes the
 * kernel imports into every cell, so the editor's highlighting never falls behind the engine.
 */
public final class KernelNames {
    private static final Set<String> NAMES = collect();
    /** The chart builders, {@code Charts.line} … {@code Charts.buddyInfo}, by method name. */
    private static final Set<String> CHART_BUILDERS = chartBuilders();

    private KernelNames() {}

    /** Every kernel name a cell may use, e.g. {@code kmalloc}, {@code GFP_KERNEL}, {@code PAGE_SIZE}. */
    public static Set<String> all() {
        return NAMES;
    }

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

    private static Set<String> chartBuilders() {
        Set<String> names = new TreeSet<>();
        for (Method m : Charts.class.getDeclaredMethods()) {
            if (isPublicStatic(m) && !m.getName().equals("fromJson")) {
                names.add(m.getName());
            }
        }
        return Set.copyOf(names);
    }

    private static Set<String> collect() {
        Set<String> names = new TreeSet<>();
        for (Class<?> api : new Class<?>[] {KernelApi.class, LegacyApi.class, ModernApi.class, CellApi.class}) {
            for (Method m : api.getDeclaredMethods()) {
                if (isPublicStatic(m)) {
                    names.add(m.getName());
                }
            }
        }
        for (Class<?> flags : new Class<?>[] {Gfp.class, Gfp20.class, KernelApi.class}) {
            for (Field f : flags.getDeclaredFields()) {
                if (isPublicStatic(f) && f.getName().toUpperCase().equals(f.getName())) {
                    names.add(f.getName());
                }
            }
        }
        // Defined by the session prelude as plain variables.
        names.addAll(Set.of("PAGE_SIZE", "PAGE_SHIFT", "MAX_ORDER", "NULL"));
        names.remove("kernel");
        return Set.copyOf(names);
    }

    private static boolean isPublicStatic(Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod) && Modifier.isStatic(mod) && !m.isSynthetic();
    }
}
