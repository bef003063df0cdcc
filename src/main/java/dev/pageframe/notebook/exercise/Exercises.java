package dev.pageframe.notebook.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a notebook's exercises. An exercise is three cells with the same {@code metadata.pageframe.exercise.id}: a
 * Markdown cell tagged {@code exercise-task} (with {@code hints}, a list of strings), then a code cell tagged
 * {@code exercise-answer} (with {@code solution}, a string), then a code cell tagged {@code exercise-check}.
 */
public final class Exercises {
    /** The metadata object under {@code metadata.pageframe} that holds an exercise's data. */
    public static final String KEY = "exercise";

    private Exercises() {}

    /**
     * What a notebook's exercises look like.
     *
     * @param exercises the complete exercises, in notebook order
     * @param problems  what is wrong with the others, each naming the cell and saying what is missing
     */
    public record Found(List<Exercise> exercises, List<String> problems) {
        /** Copies the lists. */
        public Found {
            exercises = List.copyOf(exercises);
            problems = List.copyOf(problems);
        }
    }

    /** The exercises of {@code nb}, and what is wrong with any that are incomplete. */
    public static Found in(Notebook nb) {
        record Parts(Map<ExercisePart, Cell> cells, List<ExercisePart> order) {}
        Map<String, Parts> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Cell cell : nb.cells()) {
            Optional<ExercisePart> part = ExercisePart.of(cell);
            if (part.isEmpty()) {
                continue;
            }
            String id = data(cell).path("id").asText("");
            if (id.isEmpty()) {
                problems.add("cell " + cell.id() + ": tagged " + part.get().tag() + " but has no metadata.pageframe."
                        + KEY + ".id");
                continue;
            }
            Parts parts = byId.computeIfAbsent(id, k -> new Parts(new LinkedHashMap<>(), new ArrayList<>()));
            if (parts.cells().putIfAbsent(part.get(), cell) != null) {
                problems.add("cell " + cell.id() + ": exercise \"" + id + "\" already has a " + part.get().tag() + " cell");
            }
            parts.order().add(part.get());
        }
        List<Exercise> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            String id = e.getKey();
            Map<ExercisePart, Cell> cells = e.getValue().cells();
            List<String> mine = new ArrayList<>();
            for (ExercisePart p : ExercisePart.values()) {
                if (!cells.containsKey(p)) {
                    mine.add("exercise \"" + id + "\" has no cell tagged " + p.tag());
                }
            }
            Cell task = cells.get(ExercisePart.TASK);
            Cell answer = cells.get(ExercisePart.ANSWER);
            Cell check = cells.get(ExercisePart.CHECK);
            if (task != null && task.type() != CellType.MARKDOWN) {
                mine.add("cell " + task.id() + ": the task of exercise \"" + id + "\" must be a Markdown cell");
            }
            for (Cell code : new Cell[] {answer, check}) {
                if (code != null && code.type() != CellType.CODE) {
                    mine.add("cell " + code.id() + ": the answer and check of exercise \"" + id + "\" must be code cells");
                }
            }
            if (!e.getValue().order().equals(List.of(ExercisePart.values())) && mine.isEmpty()) {
                mine.add("exercise \"" + id + "\": its cells must come in the order task, answer, check");
            }
            if (answer != null && !data(answer).path("solution").isTextual()) {
                mine.add("cell " + answer.id() + ": exercise \"" + id + "\" has no metadata.pageframe." + KEY
                        + ".solution");
            }
            List<String> hints = new ArrayList<>();
            if (task != null) {
                JsonNode h = data(task).path("hints");
                if (!h.isMissingNode() && !h.isArray()) {
                    mine.add("cell " + task.id() + ": metadata.pageframe." + KEY + ".hints must be a list of strings");
                }
                h.forEach(n -> hints.add(n.asText()));
            }
            if (mine.isEmpty()) {
                out.add(new Exercise(id, task.id(), answer.id(), check.id(), hints,
                        data(answer).path("solution").textValue()));
            } else {
                problems.addAll(mine);
            }
        }
        return new Found(out, problems);
    }

    /** {@code nb} with each answer cell holding its exercise's reference solution: what CI runs to prove them solvable. */
    public static Notebook withSolutions(Notebook nb) {
        Notebook out = nb;
        for (Exercise e : in(nb).exercises()) {
            Cell answer = out.cell(e.answerId()).orElseThrow();
            out = out.withCell(answer.withSource(e.solution()));
        }
        return out;
    }

    /** The exercise whose check cell is {@code cellId}, if any. */
    public static Optional<Exercise> checkedBy(Notebook nb, String cellId) {
        return in(nb).exercises().stream().filter(e -> e.checkId().equals(cellId)).findFirst();
    }

    /** True if {@code cell} is tagged as an exercise's check. */
    public static boolean isCheck(Cell cell) {
        return ExercisePart.of(cell).filter(p -> p == ExercisePart.CHECK).isPresent();
    }

    private static JsonNode data(Cell cell) {
        return cell.metadata().path("pageframe").path(KEY);
    }
}
