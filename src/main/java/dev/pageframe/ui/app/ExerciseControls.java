package dev.pageframe.ui.app;

import dev.pageframe.notebook.exercise.Exercise;
import dev.pageframe.notebook.exercise.ExercisePart;
import dev.pageframe.notebook.exercise.ExerciseProgress;
import dev.pageframe.notebook.exercise.Exercises;
import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.ExerciseChecker;
import dev.pageframe.ui.notebook.ExercisePanel;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;

/** Makes the exercise panel for a task cell, with the learner's progress read from and written to their data folder. */
final class ExerciseControls {
    private ExerciseControls() {}

    /** The panel for {@code taskCell}, if it sets an exercise of {@code doc}. */
    static Optional<Node> forTask(CellModel taskCell, NotebookDocument doc, ExerciseProgress progress,
            Consumer<String> problems) {
        if (ExercisePart.of(taskCell.toCell()).filter(p -> p == ExercisePart.TASK).isEmpty()) {
            return Optional.empty();
        }
        Optional<Exercise> exercise = Exercises.in(doc.toNotebook()).exercises().stream()
                .filter(e -> e.taskId().equals(taskCell.id())).findFirst();
        if (exercise.isEmpty()) {
            return Optional.empty();
        }
        Exercise e = exercise.get();
        ExercisePanel panel = new ExercisePanel(e, progress.get(notebookKey(doc), e.id()), new ExerciseChecker(doc, e)::check,
                state -> {
                    try {
                        // The key of the moment: a bundled notebook saved as a copy keeps its progress under the copy.
                        progress.put(notebookKey(doc), e.id(), state);
                    } catch (IOException ex) {
                        problems.accept("Could not keep your exercise progress: " + ex.getMessage());
                    }
                });
        panel.setOnUseSolution(() -> dev.pageframe.ui.notebook.AnswerFill.fill(doc, e));
        return Optional.of(panel);
    }

    /** A bundled notebook (opened as an untitled copy) keeps its progress under its bundled name. */
    static String notebookKey(NotebookDocument doc) {
        Path file = doc.file();
        if (file != null) {
            return ExerciseProgress.notebookKey(file, false);
        }
        String name = doc.untitledNameProperty().get();
        return BundledNotebooks.isBundled(name) ? ExerciseProgress.notebookKey(Path.of(name), true) : "untitled:" + name;
    }
}
