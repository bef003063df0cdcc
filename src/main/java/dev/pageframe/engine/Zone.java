package dev.pageframe.engine;

/**
 * A memory zone: a pfn range with its own buddy free lists and watermarks
 * (include/linux/mmzone.h: struct zone).
 */
public final class Zone {
    public static final int WMARK_MIN = 0;
    public static final int WMARK_LOW = 1;
    public static final int WMARK_HIGH = 2;

    final ZoneType type;
    final int zone_start_pfn;
    final int spanned_pages;
    long present_pages;
    long managed_pages;
    /** Free pages in this zone (NR_FREE_PAGES). */
    long free_pages;
    final long[] _watermark = new long[3];
    /** Pages kept back from allocations whose preferred zone is higher, by that zone's index. */
    final long[] lowmem_reserve = new long[ZoneType.values().length];
    /** Views of each order's lists for readers; the allocator uses the flat arrays below. */
    final FreeArea[] free_area;
    final int nr_migratetypes;
    /** zone_start_pfn is a multiple of the pageblock size, so pageblocks follow pfn alignment. */
    private final boolean pageblockAligned;
    /** The largest order, cached for the free-list paths. */
    private final int max_order;
    /**
     * struct free_area's list heads, [order * nr_migratetypes + migratetype]: the pfn of the first
     * free block, or {@link FrameTable#NIL}. The links from block to block are kept in mem_map as
     * offsets from zone_start_pfn (see {@link FrameTable}).
     */
    final int[] free_list;
    /** free_area[order].nr_free. */
    final long[] nr_free;
    /** Bit o set while free_area[o] holds a block: the watermark check's "some block large enough" in one test. */
    int free_orders;
    /** Migrate type of each pageblock (mm/page_alloc.c: get_pageblock_migratetype). */
    final byte[] pageblock_mt;
    final int pageblock_order;
    final FrameTable mem_map;
    /** Linux 2.0 keeps one list per order; modern kernels one per migrate type. */
    private final boolean singleList;

    Zone(ZoneType type, int startPfn, int spanned, int maxOrder, int migrateTypes, int pageblockOrder,
         FrameTable mem_map) {
        if (spanned > FrameTable.MAX_ZONE_PAGES) {
            throw new IllegalArgumentException(FrameTable.zoneTooLarge(type.kernelName(), spanned));
        }
        this.type = type;
        this.zone_start_pfn = startPfn;
        this.spanned_pages = spanned;
        this.pageblock_order = pageblockOrder;
        this.mem_map = mem_map;
        this.singleList = migrateTypes == 1;
        this.nr_migratetypes = migrateTypes;
        this.max_order = maxOrder;
        this.pageblockAligned = (startPfn & ((1 << pageblockOrder) - 1)) == 0;
        this.free_list = new int[(maxOrder + 1) * migrateTypes];
        java.util.Arrays.fill(free_list, FrameTable.NIL);
        this.nr_free = new long[maxOrder + 1];
        this.free_area = new FreeArea[maxOrder + 1];
        for (int o = 0; o <= maxOrder; o++) {
            free_area[o] = new FreeArea(this, o);
        }
        int blocks = (spanned >> pageblockOrder) + 2;
        pageblock_mt = new byte[blocks];
        // Boot marks every pageblock movable (mm/mm_init.c: memmap_init_range -> MIGRATE_MOVABLE);
        // with a single list (2.0) everything lives on list 0.
        byte initial = (byte) (migrateTypes > 1 ? MigrateType.MIGRATE_MOVABLE : 0);
        java.util.Arrays.fill(pageblock_mt, initial);
    }

    /** The zone's kind. */
    public ZoneType type() {
        return type;
    }

    /** The kernel's name for this zone ("DMA", "Normal", ...). */
    public String name() {
        return type.kernelName();
    }

    public int zone_start_pfn() {
        return zone_start_pfn;
    }

    public int zone_end_pfn() {
        return zone_start_pfn + spanned_pages;
    }

    public long spanned_pages() {
        return spanned_pages;
    }

    public long present_pages() {
        return present_pages;
    }

    public long managed_pages() {
        return managed_pages;
    }

    public long free_pages() {
        return free_pages;
    }

    public FreeArea free_area(int order) {
        return free_area[order];
    }

    public int max_order() {
        return free_area.length - 1;
    }

    public long min_wmark_pages() {
        return _watermark[WMARK_MIN];
    }

    public long low_wmark_pages() {
        return _watermark[WMARK_LOW];
    }

    public long high_wmark_pages() {
        return _watermark[WMARK_HIGH];
    }

    public long lowmem_reserve(ZoneType highest) {
        return lowmem_reserve[highest.ordinal()];
    }

    boolean contains(int pfn) {
        return pfn >= zone_start_pfn && pfn < zone_start_pfn + spanned_pages;
    }

    int get_pageblock_migratetype(int pfn) {
        return pageblock_mt[(pfn - zone_start_pfn) >> pageblock_order];
    }

    void set_pageblock_migratetype(int pfn, int mt) {
        pageblock_mt[(pfn - zone_start_pfn) >> pageblock_order] = (byte) mt;
    }

    /** Head pfn of the free list of this order and migrate type, or {@link FrameTable#NIL}. */
    int free_list_head(int order, int mt) {
        return free_list[order * nr_migratetypes + mt];
    }

    /** Puts a free block at the head of its list, as add_to_free_list does (mm/page_alloc.c). */
    void add_to_free_list(int pfn, int order, int mt) {
        int list = order * nr_migratetypes + mt;
        int head = free_list[list];
        int start = zone_start_pfn;
        if (head == FrameTable.NIL) {
            mem_map.set(pfn, FrameTable.BUDDY, FrameTable.NIL, order, FrameTable.NIL);
        } else {
            mem_map.set(pfn, FrameTable.BUDDY, head - start, order, FrameTable.NIL);
            mem_map.setPayloadB(head, pfn - start);
        }
        free_list[list] = pfn;
        nr_free[order]++;
        free_orders |= 1 << order;
        if (order == max_order) {
            mem_map.section_max_free[pfn >>> FrameTable.SECTION_SHIFT]++;
        }
    }

    /** Unlinks a free block; the caller decides what the frame becomes next (mm/page_alloc.c: del_page_from_free_list). */
    void del_page_from_free_list(int pfn, int order, int mt) {
        int list = order * nr_migratetypes + mt;
        int next = mem_map.payloadA(pfn);
        int prev = mem_map.payloadB(pfn);
        int start = zone_start_pfn;
        if (prev == FrameTable.NIL) {
            free_list[list] = next == FrameTable.NIL ? FrameTable.NIL : start + next;
        } else {
            mem_map.setPayloadA(start + prev, next);
        }
        if (next != FrameTable.NIL) {
            mem_map.setPayloadB(start + next, prev);
        }
        if (--nr_free[order] == 0) {
            free_orders &= ~(1 << order);
        }
        if (order == max_order) {
            mem_map.section_max_free[pfn >>> FrameTable.SECTION_SHIFT]--;
        }
    }

    /** The blocks on one list, walked from its head, stopping at {@code cap}. */
    long count_free_list(int order, int mt, long cap) {
        long n = 0;
        for (int pfn = free_list_head(order, mt); pfn != FrameTable.NIL && n < cap; n++) {
            int next = mem_map.payloadA(pfn);
            pfn = next == FrameTable.NIL ? FrameTable.NIL : zone_start_pfn + next;
        }
        return n;
    }

    /**
     * Whether every aligned block of this order lies inside one pageblock, so all its parts share
     * one migrate type: true up to pageblock order when the zone starts on a pageblock boundary.
     */
    boolean withinOnePageblock(int order) {
        return order <= pageblock_order && pageblockAligned;
    }

    /** Which list a free block head sits on: its pageblock's type, kept in step by move_freepages_block. */
    int free_list_mt(int pfn) {
        return singleList ? 0 : get_pageblock_migratetype(pfn);
    }

    @Override
    public String toString() {
        return "zone " + name() + " [pfn " + zone_start_pfn + ".." + zone_end_pfn() + ")";
    }
}
