package dev.pageframe.notebook.exercise;

import java.util.List;
import java.util.Objects;

/**
 * One exercise of a notebook.
 *
 * @param id       its name in {@code metadata.pageframe.exercise.id}, unique in the notebook
 * @param taskId   the id of the Markdown cell that sets the task
 * @param answerId the id of the code cell the learner writes
 * @param checkId  the id of the code cell that checks the machine's state
 * @param hints    hints, shown one at a time, first the gentlest
 * @param solution the reference solution, the answer cell's text that passes the check
 */
public record Exercise(String id, String taskId, String answerId, String checkId, List<String> hints, String solution) {
    /** Requires every part; copies the hints. */
    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(checkId, "checkId");
        hints = List.copyOf(hints);
        Objects.requireNonNull(solution, "solution");
    }
}
