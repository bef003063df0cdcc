package dev.pageframe.notebook;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The process {@link KilledSavesTest} kills: saves two versions of one notebook over a file in turn, forever, with
 * the app's atomic save, saying on standard output which save it is about to start.
 */
public final class SavingChild {
    private SavingChild() {}

    /** {@code SavingChild FILE}: the first save writes version B over the A the test left there. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Notebook[] versions = {KilledSavesTest.version('A'), KilledSavesTest.version('B')};
        NotebookFiles files = new NotebookFiles();
        for (long n = 1; ; n++) {
            System.out.println("saving " + n);
            System.out.flush();
            files.save(file, versions[(int) (n % 2)]);
        }
    }
}
