package dev.pageframe.execution;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Forgets the class files of snippets nothing can refer to again, which JShell would keep for the whole session.
 *
 * <p>JShell keeps every wrapper class it compiles in its in-memory file manager, and javac lists all of them at each
 * of its four or five tasks per snippet (completing the {@code REPL} package). A session's evals therefore grow slower
 * with every cell run before: a trivial cell's compile took 7 ms after 200 cells and 14 ms after 3,000
 * (BENCHMARKS.md). Statements, expressions, dropped and replaced declarations, and the versions of a declaration
 * compiled before its current one are never imported by a later snippet, so their class files can go; the classes of
 * active declarations (and their nested classes) stay. JShell recompiles a declaration when a type it names is
 * replaced, so no kept class refers to one forgotten, with one exception: a temporary variable ({@code $1}) records no
 * dependencies. The kernel drops every temporary variable at once ({@code CellExecution.ran}), and the completion
 * shell never replays one; one kept alive would lose the class of a replaced type it names.
 *
 * <p>JShell has no API for this. The file manager's map is reached by reflection, which needs {@code jdk.jshell}
 * opened to the application: the jar's manifest does it ({@code Add-Opens}) for {@code java -jar} and the installed
 * launchers, and the build's test and benchmark JVMs pass {@code --add-opens}. Where the package is not open, or a JDK
 * release has changed what this reaches into, nothing is forgotten (said once in the log) and sessions behave as
 * before, only slower.
 */
final class ReplClassFiles {
    private static final Logger LOG = Logger.getLogger(ReplClassFiles.class.getName());
    /** How JShell's pieces are reached, or null where they cannot be. */
    private static final Access ACCESS = Access.find();

    private ReplClassFiles() {}

    /** Whether this JVM can forget class files (jdk.jshell is open to it and has the shape this expects). */
    static boolean available() {
        return ACCESS != null;
    }

    /**
     * Removes the class files of snippets that are not active declarations. Call between evals, on the thread that
     * uses the shell: JShell is not thread-safe.
     *
     * @return how many class files were forgotten
     */
    static int sweep(JShell shell) {
        if (ACCESS == null) {
            return 0;
        }
        try {
            Map<String, ?> classes = ACCESS.classObjects(shell);
            if (classes.isEmpty()) {
                return 0;
            }
            Set<String> live = new HashSet<>();
            shell.snippets().forEach(snippet -> {
                if (declares(snippet) && shell.status(snippet).isActive()) {
                    String name = ACCESS.classFullName(snippet);
                    if (name != null) {
                        live.add(name);
                    }
                }
            });
            int before = classes.size();
            classes.keySet().removeIf(name -> name.startsWith(WRAPPER) && !live.contains(outermost(name)));
            return before - classes.size();
        } catch (IllegalStateException closed) {
            return 0; // the shell was closed meanwhile (the kernel died): there is nothing left to speed up
        }
    }

    /** How many class files the shell keeps, or -1 where they cannot be seen. */
    static int count(JShell shell) {
        return ACCESS == null ? -1 : ACCESS.classObjects(shell).size();
    }

    /** Snippets a later snippet may import: not statements or expressions (their wrappers only run once). */
    private static boolean declares(Snippet snippet) {
        return switch (snippet.kind()) {
            case STATEMENT, EXPRESSION, ERRONEOUS -> false;
            default -> true;
        };
    }

    /** The binary names of JShell's wrapper classes begin so (jdk.jshell's Util.REPL_CLASS_PREFIX in REPL). */
    private static final String WRAPPER = "REPL.$JShell$";

    /** The wrapper a class file belongs to: {@code REPL.$JShell$12B$Inner} is {@code REPL.$JShell$12B}'s. */
    private static String outermost(String binaryName) {
        int nested = binaryName.indexOf('$', WRAPPER.length());
        return nested < 0 ? binaryName : binaryName.substring(0, nested);
    }

    /** Handles on JShell's internals: its task factory's file manager's class map, and a snippet's class name. */
    private record Access(VarHandle taskFactory, MethodHandle fileManager, VarHandle classObjects,
                          MethodHandle classFullName) {
        static Access find() {
            try {
                MethodHandles.Lookup shell = MethodHandles.privateLookupIn(JShell.class, MethodHandles.lookup());
                Class<?> factoryClass = Class.forName("jdk.jshell.TaskFactory");
                Class<?> managerClass = Class.forName("jdk.jshell.MemoryFileManager");
                MethodHandles.Lookup factory = MethodHandles.privateLookupIn(factoryClass, MethodHandles.lookup());
                MethodHandles.Lookup manager = MethodHandles.privateLookupIn(managerClass, MethodHandles.lookup());
                MethodHandles.Lookup snippet = MethodHandles.privateLookupIn(Snippet.class, MethodHandles.lookup());
                return new Access(
                        shell.findVarHandle(JShell.class, "taskFactory", factoryClass),
                        factory.findVirtual(factoryClass, "fileManager", MethodType.methodType(managerClass)),
                        manager.findVarHandle(managerClass, "classObjects", Map.class),
                        snippet.findVirtual(Snippet.class, "classFullName", MethodType.methodType(String.class)));
            } catch (ReflectiveOperationException | IllegalAccessError | SecurityException | IllegalArgumentException e) {
                LOG.log(Level.INFO, () -> "JShell's class files cannot be trimmed in this JVM (is jdk.jshell opened to "
                        + "the application?): " + e + ". Evals grow slower as a session gets long.");
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, ?> classObjects(JShell shell) {
            try {
                Object manager = fileManager.invoke(taskFactory.get(shell));
                return (Map<String, ?>) classObjects.get(manager);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        String classFullName(Snippet snippet) {
            try {
                return (String) classFullName.invoke(snippet);
            } catch (NullPointerException notCompiled) {
                return null; // a snippet that never got a wrapper (its outer wrap is unset)
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
