package dev.pageframe.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays in small rooms: no class over 600 lines, no method over 80 (issue 20). */
class EngineSizeTest {
    private static final Path ENGINE = Path.of("src/main/java/dev/pageframe/engine");
    /** A member declaration at class level that opens a body: a method or constructor. */
    private static final Pattern METHOD = Pattern.compile("^    [\\w@<][^=;]*\\)\\s*(throws [\\w., ]+)?\\{$");

    @Test
    void noEngineClassIsOverSixHundredLinesNorAnyMethodOverEighty() throws IOException {
        List<String> tooBig = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.size() > 600) {
                    tooBig.add(f.getFileName() + ": " + lines.size() + " lines");
                }
                tooBig.addAll(longMethods(f.getFileName().toString(), lines));
            }
        }
        assertEquals(List.of(), tooBig);
    }

    private static List<String> longMethods(String file, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!METHOD.matcher(l).matches() || l.matches(".*\\b(class|record|interface|enum)\\b.*")) {
                continue;
            }
            int depth = 0;
            int j = i;
            do {
                depth += count(lines.get(j), '{') - count(lines.get(j), '}');
                j++;
            } while (depth > 0 && j < lines.size());
            if (j - i > 80) {
                out.add(file + ": " + l.trim() + " is " + (j - i) + " lines");
            }
            i = j - 1;
        }
        return out;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
