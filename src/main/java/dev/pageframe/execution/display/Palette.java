package dev.pageframe.execution.display;

import java.util.List;

/**
 * Every colour the renderers use. Series take the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies, all legible on white); its yellow comes last because thin
 * yellow lines barely show on white.
 */
public final class Palette {

    /** Series colours in the order series are given them. */
    public static final List<String> SERIES = List.of(
            "#0072B2", // blue
            "#E69F00", // orange
            "#009E73", // bluish green
            "#D55E00", // vermillion
            "#CC79A7", // reddish purple
            "#56B4E9", // sky blue
            "#4D4D4D", // dark grey, for the eighth series where Okabe–Ito has black
            "#F0E442"); // yellow

    public static final String BACKGROUND = "#FFFFFF";
    public static final String TEXT = "#1F1F1F";
    public static final String MUTED_TEXT = "#5C5C5C";
    public static final String AXIS = "#8C8C8C";
    public static final String GRID = "#E6E6E6";
    public static final String ZERO_LINE = "#B3B3B3";
    public static final String ZONE_BOUNDARY = "#1F1F1F";
    /** Stroke of the hatching that marks holes. */
    public static final String HOLE_HATCH = "#C4C4C4";

    private Palette() {}

    /** The colour of the i-th series, cycling when there are more series than colours. */
    public static String series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /**
     * The colour of a frame kind. Free frames are pale so that what is in use stands out; memory
     * the allocator can never hand out (reserved, kernel image) is dark; holes are hatched.
     */
    public static String frameKind(FrameMapKind kind) {
        return switch (kind) {
            case FREE -> "#E3E8EE";
            case PAGE -> "#0072B2";
            case SLAB -> "#E69F00";
            case VMALLOC -> "#009E73";
            case DMA -> "#CC79A7";
            case PAGECACHE -> "#56B4E9";
            case ANON -> "#F0E442";
            case RESERVED -> "#D55E00";
            case KERNEL -> "#3B3B3B";
            case FIRMWARE -> "#8C6D5A";
            case HOLE -> "#FFFFFF";
        };
    }
}
