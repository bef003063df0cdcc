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
    final FreeArea[] free_area;
    /** Migrate type of each pageblock (mm/page_alloc.c: get_pageblock_migratetype). */
    final byte[] pageblock_mt;
    final int pageblock_order;
    final FrameTable mem_map;

    Zone(ZoneType type, int startPfn, int spanned, int maxOrder, int migrateTypes, int pageblockOrder,
         FrameTable mem_map) {
        this.type = type;
        this.zone_start_pfn = startPfn;
        this.spanned_pages = spanned;
        this.pageblock_order = pageblockOrder;
        this.mem_map = mem_map;
        this.free_area = new FreeArea[maxOrder + 1];
        for (int o = 0; o <= maxOrder; o++) {
            free_area[o] = new FreeArea(migrateTypes);
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

    /** Puts a free block at the head of its list, as add_to_free_list does. */
    void add_to_free_list(int pfn, int order, int mt) {
        FreeArea area = free_area[order];
        int head = area.free_list[mt];
        mem_map.set(pfn, FrameTable.BUDDY, head, order, FrameTable.NIL);
        if (head != FrameTable.NIL) {
            mem_map.setPayloadB(head, pfn);
        }
        area.free_list[mt] = pfn;
        area.nr_free++;
        area.nr_free_mt[mt]++;
    }

    /** Unlinks a free block; the caller decides what the frame becomes next. */
    void del_page_from_free_list(int pfn, int order, int mt) {
        FreeArea area = free_area[order];
        int next = mem_map.payloadA(pfn);
        int prev = mem_map.payloadB(pfn);
        if (prev == FrameTable.NIL) {
            area.free_list[mt] = next;
        } else {
            mem_map.setPayloadA(prev, next);
        }
        if (next != FrameTable.NIL) {
            mem_map.setPayloadB(next, prev);
        }
        area.nr_free--;
        area.nr_free_mt[mt]--;
    }

    /** Which list a free block head sits on: its pageblock's type, kept in step by move_freepages_block. */
    int free_list_mt(int pfn) {
        return free_area[0].free_list.length == 1 ? 0 : get_pageblock_migratetype(pfn);
    }

    @Override
    public String toString() {
        return "zone " + name() + " [pfn " + zone_start_pfn + ".." + zone_end_pfn() + ")";
    }
}
