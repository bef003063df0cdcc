package dev.pageframe.ui.notebook;

import java.util.regex.Pattern;

/**
 * The matches a cell shows: every match of {@code pattern} is marked, and the one Find is on (in this cell,
 * from {@code currentStart} to {@code currentEnd} in its source; -1 when it is in another cell) stands out.
 */
public record FindMarks(Pattern pattern, int currentStart, int currentEnd) {
}
