package dev.pageframe.execution;

import dev.pageframe.execution.agent.CellStoppedError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns an exception thrown by cell code into an {@link ErrorOutput} whose stack frames point at
 * cells and cell lines instead of JShell's {@code #12:3} snippet coordinates.
 */
final class Tracebacks {
    static final String INTERRUPTED = "Interrupted";
    private static final int MAX_FRAMES = 60;
    private static final String AT = "    at ";
    private static final List<String> MACHINERY = List.of(
            "jdk.internal.reflect.", "java.lang.reflect.Method", "jdk.jshell.", "dev.pageframe.execution.agent.");

    private final SnippetOrigins origins;
    private final int executionCount;
    private final Function<UnresolvedReferenceException, String> unresolved;

    /**
     * @param unresolved explains which missing declarations keep a snippet from running
     */
    Tracebacks(SnippetOrigins origins, int executionCount, Function<UnresolvedReferenceException, String> unresolved) {
        this.origins = origins;
        this.executionCount = executionCount;
        this.unresolved = unresolved;
    }

    ErrorOutput error(JShellException exception, boolean interrupted) {
        List<String> lines = new ArrayList<>();
        int[] line = {0};
        String ename;
        String evalue;
        if (exception instanceof UnresolvedReferenceException missing) {
            ename = "UnresolvedReference";
            evalue = unresolved.apply(missing);
        } else if (exception instanceof EvalException thrown) {
            ename = thrown.getExceptionClassName();
            evalue = thrown.getMessage() == null ? "" : thrown.getMessage();
        } else {
            ename = exception.getClass().getName();
            evalue = String.valueOf(exception.getMessage());
        }
        lines.add(evalue.isEmpty() ? ename : ename + ": " + evalue);
        appendFrames(exception.getStackTrace(), lines, line);
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            String name = cause instanceof EvalException e ? e.getExceptionClassName() : cause.getClass().getName();
            lines.add("Caused by: " + name + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause.getStackTrace(), lines, new int[] {-1});
        }
        if (interrupted) {
            String where = line[0] > 0 ? " at line " + line[0] : "";
            String ending = evalue.isEmpty() ? ename : ename + ": " + evalue;
            lines.set(0, INTERRUPTED + ": the cell was interrupted" + where);
            if (!ename.equals(CellStoppedError.class.getName())) {
                // E.g. a sleep that the interrupt woke, surfacing as InterruptedException.
                lines.add(1, "    (it ended with " + ending + ")");
            }
            return new ErrorOutput(INTERRUPTED, "the cell was interrupted" + where, lines, line[0]);
        }
        return new ErrorOutput(ename, evalue, lines, line[0]);
    }

    /**
     * Appends the frames worth showing. Frames below the outermost cell frame are JShell's and the
     * agent's machinery, so they are cut; runs of identical frames (deep recursion) are collapsed.
     *
     * @param line receives the current cell's innermost line, if still 0 (pass -1 to skip)
     */
    private void appendFrames(StackTraceElement[] frames, List<String> out, int[] line) {
        int outermostCell = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isSnippetFile(frames[i])) {
                outermostCell = i;
            }
        }
        int limit = outermostCell >= 0 ? outermostCell + 1 : frames.length;
        String previous = null;
        int repeats = 0;
        int shown = 0;
        for (int i = 0; i < limit; i++) {
            StackTraceElement frame = frames[i];
            if (isMachinery(frame)) {
                continue;
            }
            String text = describe(frame, line);
            if (text.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                out.add("    ... (" + repeats + " more identical frames)");
                repeats = 0;
            }
            if (shown++ == MAX_FRAMES) {
                out.add("    ... (" + (limit - i) + " more frames)");
                return;
            }
            out.add(text);
            previous = text;
        }
        if (repeats > 0) {
            out.add("    ... (" + repeats + " more identical frames)");
        }
    }

    private String describe(StackTraceElement frame, int[] line) {
        if (!isSnippetFile(frame)) {
            return AT + frame;
        }
        SnippetOrigins.Place place = origins.place(frame.getFileName(), frame.getLineNumber());
        String name = codeName(frame);
        String prefix = name.isEmpty() ? AT : AT + name + " ";
        if (place == null) {
            return prefix + "(snippet " + frame.getFileName() + ", line " + frame.getLineNumber() + ")";
        }
        int cellLine = place.line();
        if (line[0] == 0 && place.executionCount() == executionCount) {
            line[0] = cellLine;
        }
        String where = place.startup() ? "startup snippet" : "cell [" + place.executionCount() + "]";
        return prefix + "(" + where + ", line " + cellLine + ")";
    }

    /** The user-facing name of a frame in cell code: JShell hides its wrapper classes as "". */
    private static String codeName(StackTraceElement frame) {
        String method = frame.getMethodName();
        if (method.startsWith("lambda$")) {
            // javac names lambdas lambda$<enclosing method>$<n>; JShell's top level is do_it$.
            String rest = method.substring("lambda$".length());
            String enclosing = rest.lastIndexOf('$') > 0 ? rest.substring(0, rest.lastIndexOf('$')) : rest;
            method = enclosing.equals("do_it$") || enclosing.isEmpty() ? "lambda" : "lambda in " + enclosing;
        } else if (method.equals("do_it$")) {
            method = "";
        }
        String type = frame.getClassName();
        if (type.isEmpty()) {
            return method;
        }
        return method.isEmpty() ? type : type + "." + method;
    }

    private static boolean isSnippetFile(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#");
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String type = frame.getClassName();
        // Inside the simulated kernel only the API function the cell called is shown: the kernel's own report (and
        // its Call Trace) says what went wrong there, and Pageframe's classes behind it are not the student's code.
        return MACHINERY.stream().anyMatch(type::startsWith)
                || (type.startsWith(ENGINE) && !type.startsWith(ENGINE_API));
    }

    private static final String ENGINE = "dev.pageframe.engine.";
    private static final String ENGINE_API = "dev.pageframe.engine.api.";
}
