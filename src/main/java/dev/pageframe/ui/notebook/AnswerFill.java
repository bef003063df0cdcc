package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.exercise.Exercise;

/** Puts an exercise's reference solution into its answer cell, as one step Z takes back. */
public final class AnswerFill {
    private AnswerFill() {}

    /**
     * Replaces the text of {@code exercise}'s answer cell in {@code doc} with the reference solution. False when the
     * notebook has no such cell or it already holds the solution; the learner's own text comes back with Z.
     */
    public static boolean fill(NotebookDocument doc, Exercise exercise) {
        CellModel answer = CellModel.withId(doc.cells(), exercise.answerId()).orElse(null);
        if (answer == null || answer.source().equals(exercise.solution())) {
            return false;
        }
        String own = answer.source();
        answer.sourceProperty().set(exercise.solution());
        doc.undoable.remember(() -> {
            answer.sourceProperty().set(own);
            return answer;
        });
        return true;
    }
}
