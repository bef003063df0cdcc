package dev.pageframe.execution.cells;

import dev.pageframe.engine.Gfp;
import dev.pageframe.engine.Gfp20;
import dev.pageframe.engine.api.KernelApi;
import dev.pageframe.engine.api.LegacyApi;
import dev.pageframe.engine.api.ModernApi;
import dev.pageframe.execution.display.Charts;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel API names a cell sees (functions, GFP flags, page constants) and the chart builders,
 * read from the classes every cell imports, so highlighting in the editor and in an HTML export
 * never falls behind the engine: the one source of these names.
 */
public final class CellNames {
    private static final Set<String> KERNEL_NAMES = collectKernelNames();
    private static final Set<String> CHART_BUILDERS = collectChartBuilders();

    private CellNames() {}

    /** Every kernel name a cell may use, e.g. {@code kmalloc}, {@code GFP_KERNEL}, {@code PAGE_SIZE}. */
    public static Set<String> kernelNames() {
        return KERNEL_NAMES;
    }

    /** The chart builders, {@code Charts.line} … {@code Charts.buddyInfo}, by method name. */
    public static Set<String> chartBuilders() {
        return CHART_BUILDERS;
    }

    private static Set<String> collectChartBuilders() {
        Set<String> names = new TreeSet<>();
        for (Method m : Charts.class.getDeclaredMethods()) {
            if (isPublicStatic(m) && !m.getName().equals("fromJson")) {
                names.add(m.getName());
            }
        }
        return Set.copyOf(names);
    }

    private static Set<String> collectKernelNames() {
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
        // The profile's page constants (PageConstants), which every profile's prelude imports.
        names.addAll(Set.of("PAGE_SIZE", "PAGE_SHIFT", "MAX_ORDER", "MAX_PAGE_ORDER", "NR_PAGE_ORDERS", "NR_MEM_LISTS", "NULL"));
        names.remove("kernel");
        return Set.copyOf(names);
    }

    private static boolean isPublicStatic(Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod) && Modifier.isStatic(mod) && !m.isSynthetic();
    }
}
