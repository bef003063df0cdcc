package dev.pageframe.engine.api;

import dev.pageframe.engine.MachineProfile;
import java.util.Locale;

/**
 * The page constants a cell sees, one class per machine profile, as the kernel's headers make them: compile-time
 * constants (asm/page.h: PAGE_SHIFT and PAGE_SIZE; linux/mmzone.h: MAX_PAGE_ORDER and NR_PAGE_ORDERS on modern
 * profiles, NR_MEM_LISTS on 1.2 and 2.0; linux/stddef.h: NULL), so a cell that assigns one fails to compile, as
 * driver code would. {@code MAX_ORDER}, the largest order, is Pageframe's one name for every era: kernels have used
 * it for the largest order and for the number of orders. The session's
 * prelude imports the class of the notebook's profile ({@link #importFor}).
 */
public final class PageConstants {
    private PageConstants() {}

    /** The prelude's import of {@code profile}'s constants. */
    public static String importFor(MachineProfile profile) {
        String name = profile.name().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return "import static " + PageConstants.class.getName() + "." + name + ".*;";
    }

    /** 64-bit PC, modern kernel: 4 KiB pages. */
    public static final class X86_64 {
        public static final long PAGE_SIZE = 4096L;
        public static final int PAGE_SHIFT = 12;
        public static final int MAX_ORDER = 10;
        public static final int MAX_PAGE_ORDER = MAX_ORDER;
        public static final int NR_PAGE_ORDERS = MAX_PAGE_ORDER + 1;
        public static final long NULL = 0L;

        private X86_64() {}
    }

    /** 32-bit PC, modern kernel: 4 KiB pages. */
    public static final class I386 {
        public static final long PAGE_SIZE = 4096L;
        public static final int PAGE_SHIFT = 12;
        public static final int MAX_ORDER = 10;
        public static final int MAX_PAGE_ORDER = MAX_ORDER;
        public static final int NR_PAGE_ORDERS = MAX_PAGE_ORDER + 1;
        public static final long NULL = 0L;

        private I386() {}
    }

    /** PC running Linux 2.0: 4 KiB pages, orders 0-5 (mm/page_alloc.c: NR_MEM_LISTS is 6). */
    public static final class I386_LINUX_2_0 {
        public static final long PAGE_SIZE = 4096L;
        public static final int PAGE_SHIFT = 12;
        public static final int MAX_ORDER = 5;
        public static final int NR_MEM_LISTS = MAX_ORDER + 1;
        public static final long NULL = 0L;

        private I386_LINUX_2_0() {}
    }

    /** DEC Alpha running Linux 2.0: 8 KiB pages (include/asm-alpha/page.h), orders 0-5. */
    public static final class ALPHA_LINUX_2_0 {
        public static final long PAGE_SIZE = 8192L;
        public static final int PAGE_SHIFT = 13;
        public static final int MAX_ORDER = 5;
        public static final int NR_MEM_LISTS = MAX_ORDER + 1;
        public static final long NULL = 0L;

        private ALPHA_LINUX_2_0() {}
    }

    /** PC running Linux 1.2: 4 KiB pages, orders 0-5 (include/linux/mm.h: NR_MEM_LISTS is 6). */
    public static final class I386_LINUX_1_2 {
        public static final long PAGE_SIZE = 4096L;
        public static final int PAGE_SHIFT = 12;
        public static final int MAX_ORDER = 5;
        public static final int NR_MEM_LISTS = MAX_ORDER + 1;
        public static final long NULL = 0L;

        private I386_LINUX_1_2() {}
    }
}
