package dev.pageframe.ui.notebook;

import dev.pageframe.engine.Gfp;
import dev.pageframe.engine.Gfp20;
import dev.pageframe.engine.api.KernelApi;
import dev.pageframe.engine.api.LegacyApi;
import dev.pageframe.engine.api.ModernApi;
import dev.pageframe.execution.cells.CellApi;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel API names a cell sees (functions, GFP flags, page constants), read from the classes the
 * kernel imports into every cell, so the editor's highlighting never falls behind the engine.
 */
public final class KernelNames {
    private static final Set<String> NAMES = collect();

    private KernelNames() {}

    /** Every kernel name a cell may use, e.g. {@code kmalloc}, {@code GFP_KERNEL}, {@code PAGE_SIZE}. */
    public static Set<String> all() {
        return NAMES;
    }

    public static boolean isKernelName(String word) {
        return NAMES.contains(word);
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
