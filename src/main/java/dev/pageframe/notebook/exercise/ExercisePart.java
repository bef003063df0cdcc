package dev.pageframe.notebook.exercise;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellTags;
import java.util.Optional;

/** The three cells of an exercise, each marked by its tag. */
public enum ExercisePart {
    /** A Markdown cell that sets the task; its metadata holds the hints. */
    TASK("exercise-task"),
    /** The code cell the learner writes; its metadata holds the reference solution. */
    ANSWER("exercise-answer"),
    /** A code cell that asserts on the machine's state with {@code check(condition, expected)}. */
    CHECK("exercise-check");

    private final String tag;

    ExercisePart(String tag) {
        this.tag = tag;
    }

    /** The cell tag that marks this part. */
    public String tag() {
        return tag;
    }

    /** The part {@code cell} plays, if it is tagged as one. */
    public static Optional<ExercisePart> of(Cell cell) {
        for (ExercisePart p : values()) {
            if (CellTags.has(cell, p.tag)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
