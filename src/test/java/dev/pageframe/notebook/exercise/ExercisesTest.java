package dev.pageframe.notebook.exercise;

import static dev.pageframe.notebook.exercise.ExerciseCells.answer;
import static dev.pageframe.notebook.exercise.ExerciseCells.check;
import static dev.pageframe.notebook.exercise.ExerciseCells.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExercisesTest {
    private static Notebook nb(Cell... cells) {
        return Notebook.newEmpty().withCells(List.of(cells));
    }

    private final Notebook freeAll = nb(
            Cell.code("long p = __get_free_pages(GFP_KERNEL, 2);").withId("setup"),
            task("t", "free-all", "Free the block.", "It has order 2.", "free_pages(p, 2)"),
            answer("a", "free-all", "// your answer", "free_pages(p, 2);"),
            check("c", "free-all", "check(nr_free_pages() == before, \"every page back\");"));

    @Test
    void threeTaggedCellsWithOneIdAreAnExercise() {
        Exercises.Found found = Exercises.in(freeAll);
        assertEquals(List.of(), found.problems());
        assertEquals(List.of(new Exercise("free-all", "t", "a", "c", List.of("It has order 2.", "free_pages(p, 2)"),
                "free_pages(p, 2);")), found.exercises());
        assertEquals("free-all", Exercises.checkedBy(freeAll, "c").orElseThrow().id());
        assertTrue(Exercises.checkedBy(freeAll, "a").isEmpty());
    }

    @Test
    void withSolutionsPutsTheReferenceSolutionInTheAnswerCellOnly() {
        Notebook solved = Exercises.withSolutions(freeAll);
        assertEquals("free_pages(p, 2);", solved.cell("a").orElseThrow().source());
        assertEquals(freeAll.cell("c"), solved.cell("c"));
        assertEquals(freeAll.cell("setup"), solved.cell("setup"));
    }

    @Test
    void incompleteOrMisorderedExercisesAreNamedWithTheirCells() {
        Notebook broken = nb(
                task("t1", "one", "Task"),
                check("c1", "one", "check(true, \"x\");"),
                answer("a2", "two", "x", "y"),
                task("t2", "two", "Task"),
                check("c2", "two", "check(true, \"x\");"),
                check("c3", "", "check(true, \"x\");"));
        Exercises.Found found = Exercises.in(broken);
        assertEquals(List.of(), found.exercises());
        assertEquals(List.of(
                "cell c3: tagged exercise-check but has no metadata.pageframe.exercise.id",
                "exercise \"one\" has no cell tagged exercise-answer",
                "exercise \"two\": its cells must come in the order task, answer, check"), found.problems());
    }

    @Test
    void theKeysSurviveAJupyterStyleRoundTrip() throws Exception {
        String json = NotebookWriter.toJson(freeAll);
        Notebook back = new NotebookReader().read(json.getBytes(StandardCharsets.UTF_8), "x.ipynb").notebook();
        assertEquals(Exercises.in(freeAll), Exercises.in(back));
        assertTrue(json.contains("\"exercise-check\""), "the part is a plain tag JupyterLab shows");
    }
}
