package dev.pageframe.execution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * What {@link KernelFileManager} saves per snippet: two JShells in one JVM, one compiling through the standard file
 * manager and one through the kernel's, on the application's class path, evaluating the trivial cell ({@code 1 + n + i},
 * its temporary variable dropped as the kernel drops it) alternately, the order swapped every cell. Prints the median
 * CPU time of this thread per eval, by window of 200 evals, for both. Inert execution: javac's work only, no agent.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:DEPS dev.pageframe.execution.FileManagerCost [EVALS]}
 */
public final class FileManagerCost {
    private FileManagerCost() {}

    private static JShell shell(boolean kernel) {
        JShell.Builder builder = JShell.builder().executionEngine(InertExecutionControl.PROVIDER, Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"));
        JShell shell = (kernel ? builder.fileManager(KernelFileManager::new) : builder).build();
        shell.eval("int n = 3;");
        return shell;
    }

    public static void main(String[] args) {
        int evals = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<JShell> shells = List.of(shell(false), shell(true));
        long[][] cpu = new long[2][evals];
        for (int i = 0; i < evals; i++) {
            for (int k = 0; k < 2; k++) {
                int side = i % 2 == 0 ? k : 1 - k;
                JShell shell = shells.get(side);
                long before = threads.getCurrentThreadCpuTime();
                List<SnippetEvent> events = shell.eval("1 + n + " + i);
                cpu[side][i] = threads.getCurrentThreadCpuTime() - before;
                for (SnippetEvent e : events) {
                    if (e.snippet() instanceof VarSnippet v && e.status() == Snippet.Status.VALID) {
                        shell.drop(v);
                    }
                }
            }
        }
        System.out.println("evals        standard  kernel   kernel/standard (median CPU ms per eval)");
        for (int from = 0; from + 200 <= evals; from += 200) {
            double standard = median(cpu[0], from);
            double kernel = median(cpu[1], from);
            System.out.printf("%5d-%-5d  %7.2f  %7.2f   %.2fx%n", from, from + 200, standard, kernel, kernel / standard);
        }
        shells.forEach(JShell::close);
    }

    private static double median(long[] values, int from) {
        long[] window = Arrays.copyOfRange(values, from, from + 200);
        Arrays.sort(window);
        return window[100] / 1e6;
    }
}
