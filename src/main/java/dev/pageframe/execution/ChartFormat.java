package dev.pageframe.execution;

/**
 * Which picture of a {@code display(...)} chart a notebook stores beside its text and
 * {@code application/vnd.pageframe.<kind>+json}. PNG is the default because every viewer shows it:
 * nbconvert 6.5.1 to 7.2 empties SVG outputs, and nbconvert prefers SVG to PNG when both are there.
 */
public enum ChartFormat {
    /** {@code image/png} at twice its size, with its CSS size in the output's metadata. */
    PNG,
    /** {@code image/svg+xml}: smaller and sharp at any zoom, but empty in nbconvert 6.5.1 to 7.2. */
    SVG
}
