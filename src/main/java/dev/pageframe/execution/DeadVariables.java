package dev.pageframe.execution;

/**
 * For one cell of a headless run: which of its top-level variables nothing after the cell's statement block
 * can read, so the cell may declare them as locals of that block (one JShell eval instead of two). Made by
 * {@link LiveNames}; the interactive kernel uses {@link #NONE}, since a user can always add a cell that
 * reads any variable.
 */
public final class DeadVariables {
    /** Every variable stays a variable of the kernel, as in the app. */
    public static final DeadVariables NONE = new DeadVariables(null, -1);

    private final LiveNames names;
    private final int cell;

    DeadVariables(LiveNames names, int cell) {
        this.names = names;
        this.cell = cell;
    }

    /**
     * Whether the variable {@code name}, declared at {@code declaredAt} in the cell, may be a local of a
     * block ending at {@code blockEnd} (offsets in the cell's source).
     */
    boolean mayBeLocal(String name, int declaredAt, int blockEnd) {
        return names != null && names.deadAfter(cell, name, declaredAt, blockEnd);
    }
}
