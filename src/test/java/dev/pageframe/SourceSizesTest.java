package dev.pageframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps every layer in small rooms: no class in src/main over 600 lines, no method over 80 (issue 20). */
class SourceSizesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/pageframe");
    private static final int MAX_CLASS_LINES = 600;
    private static final int MAX_METHOD_LINES = 80;
    /** A method or constructor header: modifiers, a type (not for constructors), a name and an opening parenthesis. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)*"
                    + "(?:<[^>]+>\\s+)?(?:[\\w.]+(?:<[^=;]*>)?(?:\\[\\])*\\s+)?\\w+\\s*\\([^=;]*$");
    private static final Pattern NOT_A_DECLARATION = Pattern.compile(
            "^\\s*(?:if|for|while|switch|catch|return|new|else|try|synchronized\\s*\\(|do|throw|case|yield)\\b.*");

    @Test
    void noClassIsOverSixHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path p : sources()) {
            long lines = Files.readAllLines(p).size();
            if (lines > MAX_CLASS_LINES) {
                tooLong.add(MAIN.relativize(p) + " (" + lines + " lines)");
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void noMethodIsOverEightyLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        for (Path p : sources()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (!isDeclaration(lines.get(i))) {
                    continue;
                }
                int length = methodLength(lines, i);
                if (length > 0) {
                    methods++;
                }
                if (length > MAX_METHOD_LINES) {
                    tooLong.add(MAIN.relativize(p) + ":" + (i + 1) + " " + lines.get(i).strip() + " (" + length + " lines)");
                }
            }
        }
        assertTrue(methods > 2000, "the scan should find the sources' methods, found " + methods);
        assertEquals(List.of(), tooLong);
    }

    @Test
    void theMethodScanMeasuresAMethodFromHeaderToClosingBrace() {
        List<String> source = List.of(
                "    public static <T> List<T> pick(String a,",
                "            int b) {",
                "        if (b > 0) {",
                "            return List.of(\"}\");",
                "        }",
                "        return List.of();",
                "    }");
        assertTrue(isDeclaration(source.get(0)));
        assertTrue(!isDeclaration(source.get(2)));
        assertTrue(!isDeclaration("public record Series(String name, double[] x) {"), "a record is a type");
        assertEquals(7, methodLength(source, 0));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** A record's header has a parameter list too, but its body is a type, not a method. */
    private static final Pattern TYPE_HEADER = Pattern.compile(".*\\b(?:record|class|interface|enum)\\s+\\w+.*");

    private static boolean isDeclaration(String line) {
        return DECLARATION.matcher(line).matches() && !NOT_A_DECLARATION.matcher(line).matches()
                && !TYPE_HEADER.matcher(line).matches()
                && !line.strip().startsWith("//") && !line.strip().startsWith("*");
    }

    /** Lines from the header to the brace that closes the body; 0 for a header without a body (abstract). */
    private static int methodLength(List<String> lines, int start) {
        int depth = 0;
        boolean opened = false;
        for (int i = start; i < lines.size(); i++) {
            String code = withoutLiteralsAndComments(lines.get(i));
            if (!opened && code.contains(";") && !code.contains("{")) {
                return 0;
            }
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (opened && depth == 0) {
                return i - start + 1;
            }
        }
        return 0;
    }

    private static String withoutLiteralsAndComments(String line) {
        String s = line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(?:\\\\.|[^'\\\\])'", "''");
        int comment = s.indexOf("//");
        return comment < 0 ? s : s.substring(0, comment);
    }
}
