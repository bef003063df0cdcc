package dev.pageframe.measure;

import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import dev.pageframe.notebook.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The 100-cell notebook the harness opens: prose, code and stored outputs, like a long study notebook. */
final class HundredCells {
    private HundredCells() {}

    /** Writes {@link #notebook()} to a temporary file. */
    static Path write() throws IOException {
        Path file = Files.createTempFile("pageframe-measure-", ".ipynb");
        file.toFile().deleteOnExit();
        new NotebookFiles().save(file, notebook());
        return file;
    }

    /** A notebook of 100 cells: prose, code and stored outputs, like a long study notebook. */
    static Notebook notebook() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cells.add(Cell.markdown((i % 5 == 0 ? "## Section " + (i / 5 + 1) + "\n\n" : "")
                    + "Step " + i + ": allocate an order-" + (i % 4) + " block with `__get_free_pages`, look at "
                    + "`/proc/buddyinfo`, and free it again with the **same** order."));
            String code = "long buf" + i + " = __get_free_pages(GFP_KERNEL, " + (i % 4) + ");\n"
                    + "System.out.printf(\"0x%x%n\", buf" + i + ");\n"
                    + "cat(\"/proc/buddyinfo\");\n"
                    + "free_pages(buf" + i + ", " + (i % 4) + ");";
            cells.add(Cell.code(code).withExecutionCount(i + 1).withOutputs(List.of(Output.Stream.stdout(
                    "0xffff888000" + String.format(Locale.ROOT, "%04x", i * 16) + "000\n"
                    + "Node 0, zone      DMA      1      1      0      1      2      1      1      0      1      1      3\n"
                    + "Node 0, zone    DMA32    512    300    127     60     31     15      7      4      2      1    500\n"))));
        }
        return Notebook.newEmpty().withCells(cells);
    }
}
