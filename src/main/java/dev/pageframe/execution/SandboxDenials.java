package dev.pageframe.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says plainly when a cell's error is the sandbox at work. Java reports a denied path as a bare
 * {@code AccessDeniedException: /etc/passwd}, a denied program with a page of advice about its spawn
 * helper, and a denied connection as {@code BindException: Permission denied}; none of them names the
 * sandbox.
 */
final class SandboxDenials {
    static final String FILES = "the sandbox keeps cells out of this path: a cell may read the Java runtime and"
            + " Pageframe's classes, and write only in its scratch folder (the working directory)";
    static final String PROGRAMS = "the sandbox does not let cells run programs";
    static final String NETWORK = "the sandbox does not let cells open network connections, listen on ports or use"
            + " local (UNIX-domain) sockets";

    private static final Pattern PROGRAM = Pattern.compile("^(Cannot run program \"[^\"]*\")[^\\n]*(error[:=] ?13|Permission denied)",
            Pattern.DOTALL);
    private static final String AT = "    at ";
    private static final String CAUSED_BY = "Caused by: ";

    private SandboxDenials() {}

    /** The error with the sandbox named when it caused it; otherwise {@code error} itself. */
    static ErrorOutput explain(ErrorOutput error) {
        String own = explanation(error.ename(), error.evalue());
        if (own != null) {
            List<String> lines = new ArrayList<>();
            lines.add(error.ename() + ": " + own);
            // Drop the rest of a message that ran over several lines (the spawn helper's advice).
            error.traceback().stream().skip(1).dropWhile(l -> !l.startsWith(AT) && !l.startsWith(CAUSED_BY))
                    .map(l -> l.startsWith(CAUSED_BY) ? l.lines().findFirst().orElse(l) : l)
                    .forEach(lines::add);
            return new ErrorOutput(error.ename(), own, lines, error.line());
        }
        for (String line : error.traceback()) {
            if (line.startsWith(CAUSED_BY)) {
                String cause = line.substring(CAUSED_BY.length());
                int colon = cause.indexOf(": ");
                String hint = colon < 0 ? null : explanation(cause.substring(0, colon), cause.substring(colon + 2));
                if (hint != null) {
                    List<String> lines = new ArrayList<>(error.traceback());
                    lines.add("(" + hint + ")");
                    return new ErrorOutput(error.ename(), error.evalue(), lines, error.line());
                }
            }
        }
        return error;
    }

    /** The one-line message for a denial, or null when the error is something else. */
    private static String explanation(String ename, String evalue) {
        if (ename.equals("java.nio.file.AccessDeniedException")) {
            return evalue + ": " + FILES;
        }
        if (ename.equals("java.io.FileNotFoundException") && evalue.endsWith("(Permission denied)")) {
            return evalue.substring(0, evalue.length() - "(Permission denied)".length()).strip() + ": " + FILES;
        }
        if (ename.equals("java.io.IOException")) {
            Matcher program = PROGRAM.matcher(evalue);
            if (program.find()) {
                return program.group(1) + ": " + PROGRAMS;
            }
        }
        if ((ename.equals("java.net.BindException") || ename.equals("java.net.ConnectException")
                || ename.equals("java.net.SocketException")) && evalue.startsWith("Permission denied")) {
            return "Permission denied: " + NETWORK;
        }
        return null;
    }
}
