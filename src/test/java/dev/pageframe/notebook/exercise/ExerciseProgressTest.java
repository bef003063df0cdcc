package dev.pageframe.notebook.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseProgressTest {
    @TempDir
    Path dir;

    @Test
    void progressIsKeptPerNotebookAndExercise() throws IOException {
        ExerciseProgress progress = new ExerciseProgress(dir);
        String tour = ExerciseProgress.notebookKey(Path.of("/x/tour.ipynb"), true);
        String copy = ExerciseProgress.notebookKey(Path.of("/home/ada/Documents/Pageframe/tour.ipynb"), false);
        progress.put(tour, "free-all", new ExerciseProgress.State(false, 2));
        progress.put(tour, "dma-block", new ExerciseProgress.State(true, 0));

        ExerciseProgress reopened = new ExerciseProgress(dir);
        assertEquals(new ExerciseProgress.State(false, 2), reopened.get(tour, "free-all"));
        assertEquals(new ExerciseProgress.State(true, 0), reopened.get(tour, "dma-block"));
        assertEquals(ExerciseProgress.State.NEW, reopened.get(copy, "free-all"), "a copy keeps its own progress");
        assertNotEquals(progress.file(tour), progress.file(copy));
        assertTrue(progress.file(tour).getFileName().toString().startsWith("tour.ipynb-"));
    }

    @Test
    void aDamagedProgressFileStartsOver() throws IOException {
        ExerciseProgress progress = new ExerciseProgress(dir);
        progress.put("k", "e", new ExerciseProgress.State(true, 1));
        Files.writeString(progress.file("k"), "[broken");
        assertEquals(ExerciseProgress.State.NEW, progress.get("k", "e"));
        progress.put("k", "e", new ExerciseProgress.State(false, 1));
        assertEquals(new ExerciseProgress.State(false, 1), progress.get("k", "e"));
    }

    @Test
    void progressCarriedToASavedCopyMergesAndCanLeaveTheBundledOneFresh() throws IOException {
        ExerciseProgress progress = new ExerciseProgress(dir);
        String tour = ExerciseProgress.notebookKey(Path.of("tour.ipynb"), true);
        String copy = ExerciseProgress.notebookKey(dir.resolve("Documents/tour.ipynb"), false);
        progress.put(tour, "free-all", new ExerciseProgress.State(true, 1));
        progress.put(tour, "dma-block", new ExerciseProgress.State(false, 1));
        progress.put(copy, "dma-block", new ExerciseProgress.State(true, 0));

        progress.carryOver(tour, copy, true);
        assertEquals(new ExerciseProgress.State(true, 1), progress.get(copy, "free-all"));
        assertEquals(new ExerciseProgress.State(true, 1), progress.get(copy, "dma-block"), "solved under either name");
        assertEquals(ExerciseProgress.State.NEW, progress.get(tour, "free-all"), "the bundled notebook starts fresh");
        assertTrue(Files.notExists(progress.file(tour)));

        String other = ExerciseProgress.notebookKey(dir.resolve("other.ipynb"), false);
        progress.carryOver(copy, other, false);
        assertEquals(new ExerciseProgress.State(true, 1), progress.get(other, "free-all"));
        assertEquals(new ExerciseProgress.State(true, 1), progress.get(copy, "free-all"), "a plain Save As keeps both");
    }
}
