package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.execution.LiveNames;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.exercise.ExerciseCells;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules alone, with cells that "run" by recording their ids. */
class RunRulesTest {
    private final List<String> ran = new ArrayList<>();

    private static Cell code(String id, String source, String... tags) {
        ObjectNode md = JsonNodeFactory.instance.objectNode();
        for (String t : tags) {
            md.withArray("tags").add(t);
        }
        return new Cell(id, CellType.CODE, md, source, null, List.of(), 4, null);
    }

    private RunReport run(boolean allowErrors, String failing, boolean fatal, Cell... cells) throws Exception {
        return RunRules.run(Notebook.newEmpty().withCells(List.of(cells)), allowErrors, RunProgress.NONE, (i, c) -> {
            ran.add(c.id());
            boolean fails = c.id().equals(failing);
            return new RunRules.Ran(c.withExecutionCount(ran.size()), null,
                    fails ? new CellFailure(i, c.id(), "Boom", "") : null, fails && fatal);
        });
    }

    @Test
    void aDeadKernelStopsTheRunEvenInACellTaggedRaisesException() throws Exception {
        RunReport r = run(true, "a", true, code("a", "x", "raises-exception"), code("b", "y"));
        assertEquals(List.of("a"), ran);
        assertEquals(1, r.failures().size());
        assertEquals(List.of(1), r.notRun());
        assertEquals(null, r.result().cells().get(1).executionCount());
    }

    @Test
    void blankAndNonCodeCellsAreLeftAsTheyWere() throws Exception {
        RunReport r = run(false, null, false, code("blank", "  \n"), Cell.markdown("m").withId("m"), code("a", "x"));
        assertEquals(List.of("a"), ran);
        assertEquals(4, r.result().cells().getFirst().executionCount(), "nbclient does not touch a blank cell");
    }

    @Test
    void cellsAfterAStopAreListedInOrder() throws Exception {
        RunReport r = run(false, "a", false, code("a", "x"), code("b", "y"), code("s", "z", "skip-execution"), code("c", "w"));
        assertEquals(List.of(1, 3), r.notRun());
        assertEquals(4, r.result().cells().get(2).executionCount(), "a skip-execution cell is never touched");
    }

    @Test
    void theCellsForTheLiveNameAnalysisAreTheOnesTheRunExecutesAndTheirFailuresStopIt() {
        Notebook nb = Notebook.newEmpty().withCells(List.of(code("a", "x"), Cell.markdown("m").withId("m"),
                code("s", "z", "skip-execution"), code("r", "y", "raises-exception"), code("blank", " ")));
        assertEquals(List.of(new LiveNames.RunCell("x", true, true), new LiveNames.RunCell("m", false, true),
                new LiveNames.RunCell("z", false, true), new LiveNames.RunCell("y", true, false),
                new LiveNames.RunCell(" ", false, true)), RunRules.runCells(nb, false, false));
        assertEquals(List.of(false, false, false, false, false),
                RunRules.runCells(nb, true, false).stream().map(LiveNames.RunCell::failureStopsRun).toList());
    }

    private static Notebook exerciseNotebook() {
        return Notebook.newEmpty().withCells(List.of(
                ExerciseCells.task("t", "ex", "Free it."),
                ExerciseCells.answer("a", "ex", "// yours", "SOLUTION"),
                ExerciseCells.check("c", "ex", "check(solved, \"it freed\");"),
                code("after", "z")));
    }

    @Test
    void anExerciseCheckWhoseFailureDoesNotStopTheRunIsMarkedSoAndSolutionsRunAsSources() {
        List<LiveNames.RunCell> plain = RunRules.runCells(exerciseNotebook(), false, false);
        assertEquals(new LiveNames.RunCell("// yours", true, true), plain.get(1));
        assertEquals(false, plain.get(2).failureStopsRun(), "a check that fails means not solved yet: the run goes on");
        List<LiveNames.RunCell> solved = RunRules.runCells(exerciseNotebook(), false, true);
        assertEquals(new LiveNames.RunCell("SOLUTION", true, true), solved.get(1));
        assertEquals(true, solved.get(2).failureStopsRun());
    }

    private RunReport runExercise(boolean solutions) throws Exception {
        Notebook nb = exerciseNotebook();
        return RunRules.run(nb, false, solutions, RunProgress.NONE, (i, c) -> {
            ran.add(c.id() + ":" + c.source());
            // The check passes only when the answer that ran before it was the solution.
            boolean fails = c.id().equals("c") && ran.stream().noneMatch(r -> r.equals("a:SOLUTION"));
            return new RunRules.Ran(c, null, fails ? new CellFailure(i, c.id(), "NotSolvedYet", "expected it freed") : null, false);
        });
    }

    @Test
    void aFailingCheckMeansNotSolvedYetAndTheRunGoesOn() throws Exception {
        RunReport r = runExercise(false);
        assertEquals(List.of("a:// yours", "c:check(solved, \"it freed\");", "after:z"), ran);
        assertEquals(List.of(), r.failures());
        assertEquals(List.of(new RunReport.ExerciseCheck("ex", 2, false, "expected it freed")), r.checks());
        assertEquals("// yours", r.result().cell("a").orElseThrow().source());
    }

    @Test
    void withSolutionsTheReferenceSolutionRunsAndEveryCheckMustPass() throws Exception {
        RunReport r = runExercise(true);
        assertEquals("a:SOLUTION", ran.getFirst());
        assertEquals(List.of(new RunReport.ExerciseCheck("ex", 2, true, "")), r.checks());
        assertEquals(List.of(), r.failures());
    }

    @Test
    void withSolutionsAFailingCheckIsAFailure() throws Exception {
        Notebook nb = Notebook.newEmpty().withCells(List.of(
                ExerciseCells.task("t", "ex", "Free it."),
                ExerciseCells.answer("a", "ex", "// yours", "WRONG"),
                ExerciseCells.check("c", "ex", "check(false, \"x\");")));
        RunReport r = RunRules.run(nb, false, true, RunProgress.NONE, (i, c) -> new RunRules.Ran(c, null,
                c.id().equals("c") ? new CellFailure(i, c.id(), "NotSolvedYet", "expected x") : null, false));
        assertEquals(List.of("c"), r.failures().stream().map(CellFailure::cellId).toList());
    }
}
