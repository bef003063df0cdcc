package dev.pageframe.engine;

/** Migrate types of free lists and pageblocks (include/linux/mmzone.h: enum migratetype). */
public final class MigrateType {
    private MigrateType() {}

    public static final int MIGRATE_UNMOVABLE = 0;
    public static final int MIGRATE_MOVABLE = 1;
    public static final int MIGRATE_RECLAIMABLE = 2;
    /** The types that have their own free lists in this model (HIGHATOMIC, CMA and ISOLATE stay empty). */
    public static final int MIGRATE_PCPTYPES = 3;
    public static final int MIGRATE_HIGHATOMIC = 3;
    /**
     * MIGRATE_TYPES of a distribution's x86 kernel, built with CONFIG_CMA and CONFIG_MEMORY_ISOLATION:
     * the types /proc/pagetypeinfo has a row and a column for.
     */
    public static final int MIGRATE_TYPES = 6;

    /** mm/vmstat.c: migratetype_names. */
    private static final String[] NAMES = {"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate"};

    /** Name as /proc/pagetypeinfo prints it. */
    public static String name(int migratetype) {
        return NAMES[migratetype];
    }

    /** Fallback order when a type's own lists are empty (mm/page_alloc.c: fallbacks[]). */
    static final int[][] FALLBACKS = {
        {MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE},   // UNMOVABLE
        {MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE}, // MOVABLE
        {MIGRATE_UNMOVABLE, MIGRATE_MOVABLE},     // RECLAIMABLE
    };
}
