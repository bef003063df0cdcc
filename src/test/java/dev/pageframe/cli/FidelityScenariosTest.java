package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notebook-level scenarios for the kernel's own numbers and messages (issue 22): slab and meminfo,
 * procfs, failures and the OOM killer. Each cell checks itself with expect(...), so a rule that
 * breaks fails its cell, and the run reports it.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FidelityScenariosTest {
    @ParameterizedTest
    @ValueSource(strings = {"slab-and-meminfo", "procfs", "failures-and-oom"})
    void scenarioRunsWithEveryExpectationMet(String name) throws Exception {
        Path file = Path.of("src/test/resources/scenarios", name + ".ipynb");
        Notebook nb = new NotebookFiles().load(file).notebook();
        RunReport report = NotebookRunner.installed().orElseThrow().run(nb, RunOptions.DEFAULTS, RunProgress.NONE);
        assertEquals(List.of(), report.failures(), name);
    }
}
