package dev.pageframe.execution.display;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link BuddyInfo}; start from {@link Charts#buddyInfo(String)}. Watermarks and free
 * pages apply to the zone added last.
 */
public final class BuddyInfoBuilder implements ChartBuilder<BuddyInfo> {

    private static final Pattern PROC_LINE = Pattern.compile("Node\\s+(\\d+),\\s*zone\\s+(\\S+)((?:\\s+\\d+)+)\\s*");

    private final String title;
    private int node;
    private long pageSize = 4096;
    private boolean log;
    private final List<ZoneFreeAreas> zones = new ArrayList<>();

    BuddyInfoBuilder(String title) {
        this.title = title;
    }

    public BuddyInfoBuilder node(int node) {
        this.node = node;
        return this;
    }

    /** Bytes per page (default 4096), for the block sizes under each order. */
    public BuddyInfoBuilder pageSize(long bytes) {
        this.pageSize = bytes;
        return this;
    }

    /** Free-block counts on a log10 scale: low orders often outnumber high ones a thousandfold. */
    public BuddyInfoBuilder logScale() {
        this.log = true;
        return this;
    }

    /** A zone with its free-block counts, order 0 first. */
    public BuddyInfoBuilder zone(String name, long... nrFree) {
        zones.add(new ZoneFreeAreas(name, nrFree));
        return this;
    }

    /** A zone with its free-block counts, order 0 first. */
    public BuddyInfoBuilder zone(String name, int... nrFree) {
        return zone(name, toLongs(nrFree));
    }

    /** Watermarks, in pages, of the zone added last. */
    public BuddyInfoBuilder watermarks(long min, long low, long high) {
        ZoneFreeAreas z = last();
        zones.set(zones.size() - 1, new ZoneFreeAreas(z.zone(), z.nrFree(), z.freePages(), new ZoneWatermarks(min, low, high)));
        return this;
    }

    /** Free pages of the zone added last, when they differ from the pages in its free lists. */
    public BuddyInfoBuilder freePages(long pages) {
        ZoneFreeAreas z = last();
        zones.set(zones.size() - 1, new ZoneFreeAreas(z.zone(), z.nrFree(), pages, z.watermarks()));
        return this;
    }

    /** Adds the zones of a /proc/buddyinfo text ("Node 0, zone   Normal    216     55 …"). */
    public BuddyInfoBuilder proc(String text) {
        for (String line : text.split("\\R")) {
            Matcher m = PROC_LINE.matcher(line.strip());
            if (m.matches()) {
                node = Integer.parseInt(m.group(1));
                String[] counts = m.group(3).trim().split("\\s+");
                long[] nrFree = new long[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    nrFree[i] = Long.parseLong(counts[i]);
                }
                zone(m.group(2), nrFree);
            }
        }
        return this;
    }

    @Override
    public BuddyInfo build() {
        return new BuddyInfo(title, node, pageSize, zones, log);
    }

    private ZoneFreeAreas last() {
        if (zones.isEmpty()) {
            throw new IllegalStateException("add a zone before its watermarks or free pages");
        }
        return zones.getLast();
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
