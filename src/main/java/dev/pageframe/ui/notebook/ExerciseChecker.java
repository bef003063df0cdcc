package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.Output;
import dev.pageframe.notebook.exercise.Exercise;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ChangeListener;

/**
 * Checks an exercise in the notebook's kernel: runs the answer cell, then the check cell, and reads the outcome from
 * their outputs, as a learner would by running both. A failing answer is the outcome (the check then does not run).
 */
public final class ExerciseChecker {
    private final NotebookDocument doc;
    private final Exercise exercise;

    /** Checks {@code exercise} of {@code doc}. */
    public ExerciseChecker(NotebookDocument doc, Exercise exercise) {
        this.doc = Objects.requireNonNull(doc);
        this.exercise = Objects.requireNonNull(exercise);
    }

    /** Runs the answer and the check (on the FX thread); completes when the check cell is idle again. */
    public CompletableFuture<ExercisePanel.Outcome> check() {
        CompletableFuture<ExercisePanel.Outcome> done = new CompletableFuture<>();
        Optional<CellModel> answer = CellModel.withId(doc.cells(), exercise.answerId());
        Optional<CellModel> check = CellModel.withId(doc.cells(), exercise.checkId());
        if (answer.isEmpty() || check.isEmpty()) {
            done.complete(new ExercisePanel.Outcome(false, "the exercise's answer or check cell was deleted"));
            return done;
        }
        CellModel a = answer.get();
        CellModel c = check.get();
        if (a.runState() != RunState.IDLE || c.runState() != RunState.IDLE) {
            done.complete(new ExercisePanel.Outcome(false, "the answer or the check is still running; try again when it"
                    + " has finished"));
            return done;
        }
        Integer before = c.executionCountProperty().get();
        Integer answerBefore = a.executionCountProperty().get();
        ChangeListener<RunState> finished = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RunState> obs, RunState was, RunState now) {
                if (now != RunState.IDLE) {
                    return;
                }
                c.runStateProperty().removeListener(this);
                // The runner marks the cell idle before it puts the outputs in: read them after it is done.
                javafx.application.Platform.runLater(() -> done.complete(outcome(a, answerBefore, c, before)));
            }
        };
        c.runStateProperty().addListener(finished);
        if (!doc.run(List.of(a, c))) {
            c.runStateProperty().removeListener(finished);
            done.complete(new ExercisePanel.Outcome(false, "nothing ran (the notebook cannot run here, or running was"
                    + " declined)"));
        }
        return done;
    }

    private static ExercisePanel.Outcome outcome(CellModel answer, Integer answerBefore, CellModel check, Integer before) {
        Optional<Output.ErrorOutput> answerError = error(answer);
        boolean answerRan = !Objects.equals(answer.executionCountProperty().get(), answerBefore);
        boolean checkRan = !Objects.equals(check.executionCountProperty().get(), before);
        if (!checkRan || (answerRan && answerError.isPresent())) {
            return new ExercisePanel.Outcome(false, answerError.map(e -> "your answer failed: " + e.ename()
                    + (e.evalue().isEmpty() ? "" : ": " + e.evalue())).orElse("the check did not run"));
        }
        Optional<Output.ErrorOutput> failed = error(check);
        if (failed.isPresent()) {
            return new ExercisePanel.Outcome(false, failed.get().evalue().isEmpty() ? failed.get().ename()
                    : failed.get().evalue());
        }
        String said = check.outputs().stream().filter(o -> o instanceof Output.Stream).map(o -> ((Output.Stream) o).text())
                .reduce("", String::concat).strip();
        return new ExercisePanel.Outcome(true, said.startsWith("Solved: ") ? said.substring("Solved: ".length()) : said);
    }

    private static Optional<Output.ErrorOutput> error(CellModel cell) {
        return cell.outputs().stream().filter(o -> o instanceof Output.ErrorOutput).map(o -> (Output.ErrorOutput) o)
                .findFirst();
    }
}
