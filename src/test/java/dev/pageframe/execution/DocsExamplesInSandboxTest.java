package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.MachineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every ```java example block of the documentation runs in a real kernel, sandboxed where Landlock is, as the
 * app runs it (notebooks/check-notebooks.sh runs them in a plain JShell). Each example gets a freshly booted
 * machine of the profile and memory its fence names.
 */
@Timeout(900)
class DocsExamplesInSandboxTest {
    private static final Pattern FENCE = Pattern.compile("(?m)^```java([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("(profile|memory)=(\\S+)");

    private record Example(String where, String source) {}

    @Test
    void everyDocumentationExampleRunsInTheSandboxedKernel() throws Exception {
        Map<MachineSpec, List<Example>> byMachine = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = FENCE.matcher(Files.readString(file));
                int n = 0;
                while (m.find()) {
                    if (!m.group(1).contains("example")) {
                        continue;
                    }
                    n++;
                    String profile = "x86_64";
                    String memory = "1G";
                    Matcher o = OPTION.matcher(m.group(1));
                    while (o.find()) {
                        if (o.group(1).equals("profile")) {
                            profile = o.group(2);
                        } else {
                            memory = o.group(2);
                        }
                    }
                    byMachine.computeIfAbsent(MachineSpec.of(profile, memory), k -> new ArrayList<>())
                            .add(new Example(file + " example " + n, m.group(2)));
                }
            }
        }
        int count = byMachine.values().stream().mapToInt(List::size).sum();
        assertTrue(count > 50, "the docs hold their examples: " + count);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<MachineSpec, List<Example>> group : byMachine.entrySet()) {
            // Each example starts from a freshly booted machine, as a notebook's first cell does.
            MachineBoot machine = NotebookExecution.boot(group.getKey(), 0);
            String boot = "dev.pageframe.engine.api.Session.boot(\"" + machine.profile() + "\", \"" + machine.memoryBytes()
                    + "\", " + machine.seed() + "L);";
            try (KernelSession session = new KernelSession(NotebookExecution.config(group.getKey()))) {
                for (Example example : group.getValue()) {
                    CellResult booted = session.execute(boot).join();
                    CellResult result = session.execute(example.source()).join();
                    if (!booted.ok() || !result.ok()) {
                        failures.add(example.where() + ": " + result.error().map(e -> e.ename() + ": " + e.evalue())
                                .orElse(result.status().name()));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
