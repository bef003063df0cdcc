package dev.pageframe.ui.notebook;

import dev.pageframe.notebook.exercise.Exercise;
import dev.pageframe.notebook.exercise.ExerciseProgress;
import dev.pageframe.ui.common.Panels;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The controls of one exercise, shown under its task: <b>Check</b> (runs the answer and the check cell, then says
 * passed or not and what was expected), <b>Hint</b> (one more hint each press), <b>Show Solution</b> (the reference
 * solution, hidden until asked for). Progress goes to the learner's store after every change.
 */
public final class ExercisePanel extends VBox {
    /** How a check came out: {@code solved}, and the check's message (what was expected, or what went wrong). */
    public record Outcome(boolean solved, String message) {}

    private final Exercise exercise;
    private final Supplier<CompletableFuture<Outcome>> checker;
    private final Consumer<ExerciseProgress.State> saver;
    private final Label progress = new Label();
    private final Label result = new Label();
    private final VBox hints = new VBox(4);
    private final Button check = new Button("Check");
    private final Button hint = new Button();
    private final Button solution = new Button("Show Solution");
    /** Shown with the solution, when the panel was given somewhere to put it ({@link #setOnUseSolution}). */
    private final Button useSolution = new Button("Put It in the Answer Cell");
    private Runnable onUseSolution;
    /**
     * The reference solution as a code cell shows its source before it is edited (monospace, highlighted, line
     * numbers, as tall as its text). Plain text nodes: a RichTextFX editor measured inside this panel first reported
     * a height of many screens, and the cells below went out of sight.
     */
    private final SourcePreview solutionText;
    private ExerciseProgress.State state;

    /**
     * A panel for {@code exercise}.
     *
     * @param state   the learner's progress so far
     * @param checker runs the answer and the check; completes with the outcome on any thread
     * @param saver   keeps the new progress (called on the FX thread)
     */
    public ExercisePanel(Exercise exercise, ExerciseProgress.State state, Supplier<CompletableFuture<Outcome>> checker,
            Consumer<ExerciseProgress.State> saver) {
        this.exercise = Objects.requireNonNull(exercise);
        this.checker = Objects.requireNonNull(checker);
        this.saver = Objects.requireNonNull(saver);
        this.state = Objects.requireNonNull(state);
        getStyleClass().add("exercise-panel");
        Panels.frame(this);
        getStylesheets().add(Objects.requireNonNull(ExercisePanel.class.getResource("exercise.css")).toExternalForm());
        setId("exercise-" + exercise.id());

        Label title = new Label("Exercise");
        title.getStyleClass().add("exercise-title");
        check.setId("exercise-check");
        check.setDefaultButton(false);
        check.setOnAction(e -> runCheck());
        hint.setId("exercise-hint");
        hint.setOnAction(e -> showHint());
        solution.setId("exercise-solution");
        solution.setOnAction(e -> showSolution());
        progress.getStyleClass().add("exercise-progress");
        progress.setId("exercise-progress");
        HBox buttons = new HBox(check, hint, solution, progress);
        buttons.getStyleClass().add("exercise-buttons");

        result.getStyleClass().add("exercise-result");
        result.setId("exercise-result");
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.setVisible(false);
        result.managedProperty().bind(result.visibleProperty());

        solutionText = new SourcePreview(exercise.solution(), JavaSyntax.forKernel());
        solutionText.getStyleClass().add("exercise-solution");
        solutionText.setId("exercise-solution-text");
        solutionText.setVisible(false);
        solutionText.managedProperty().bind(solutionText.visibleProperty());

        useSolution.setId("exercise-use-solution");
        useSolution.setOnAction(e -> {
            if (onUseSolution != null) {
                onUseSolution.run();
            }
        });
        useSolution.managedProperty().bind(useSolution.visibleProperty());

        getChildren().addAll(title, buttons, result, hints, solutionText, useSolution);
        for (int i = 0; i < Math.min(state.hintsShown(), exercise.hints().size()); i++) {
            addHint(i);
        }
        refresh();
    }

    /** What the button under a shown solution does: put the solution in the answer cell (Z takes it back). */
    public void setOnUseSolution(Runnable action) {
        onUseSolution = action;
        refresh();
    }

    /** The progress this panel last recorded. */
    public ExerciseProgress.State state() {
        return state;
    }

    private void runCheck() {
        check.setDisable(true);
        show("Checking\u2026", "running");
        checker.get().whenComplete((outcome, error) -> Platform.runLater(() -> {
            check.setDisable(false);
            if (error != null) {
                show("Could not check: " + error.getMessage(), "failed");
                return;
            }
            if (outcome.solved()) {
                show("\u2714 Solved. " + outcome.message(), "passed");
                if (!state.solved()) {
                    record(new ExerciseProgress.State(true, state.hintsShown()));
                }
            } else {
                show("\u2718 Not solved yet: " + outcome.message(), "failed");
            }
        }));
    }

    private void showHint() {
        int next = state.hintsShown();
        if (next >= exercise.hints().size()) {
            return;
        }
        addHint(next);
        record(new ExerciseProgress.State(state.solved(), next + 1));
    }

    private void addHint(int i) {
        // Hints are written in Markdown like the task; a label shows code spans without their backticks.
        Label l = new Label("Hint " + (i + 1) + ": " + exercise.hints().get(i).replace("`", ""));
        l.getStyleClass().add("exercise-hint");
        l.setId("exercise-hint-" + (i + 1));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        hints.getChildren().add(l);
    }

    private void showSolution() {
        solutionText.setVisible(!solutionText.isVisible());
        refresh();
    }

    private void record(ExerciseProgress.State next) {
        state = next;
        saver.accept(next);
        refresh();
    }

    private void show(String text, String style) {
        result.getStyleClass().removeAll("passed", "failed", "running");
        result.getStyleClass().add(style);
        result.setText(text);
        result.setVisible(true);
    }

    private void refresh() {
        int total = exercise.hints().size();
        int shown = Math.min(state.hintsShown(), total);
        hint.setText(shown < total ? "Show Hint " + (shown + 1) + " of " + total : "No more hints");
        hint.setDisable(shown >= total);
        solution.setText(solutionText.isVisible() ? "Hide Solution" : "Show Solution");
        useSolution.setVisible(solutionText.isVisible() && onUseSolution != null);
        progress.setText(state.solved() ? "solved" : shown == 0 ? "" : shown + (shown == 1 ? " hint" : " hints") + " used");
    }
}
