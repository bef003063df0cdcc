package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight numbered notebooks of content/index.md each carry enough to learn from (prose, five code
 * cells, two stored charts, a tagged exercise with hints, a reference solution and a check), and every relative link in the notebooks and
 * the docs reaches a file that exists, and a heading that exists when it names one.
 */
class ShippedNotebookContentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern NUMBERED_ROW = Pattern.compile("^\\| (\\d\\d) \\| \\[[^]]+\\]\\(\\.\\./notebooks/([^)]+\\.ipynb)\\)",
            Pattern.MULTILINE);

    static List<String> numberedNotebooks() throws Exception {
        Matcher m = NUMBERED_ROW.matcher(Files.readString(Path.of("content/index.md")));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    @Test
    void theIndexNumbersEightNotebooksFrom00To07() throws Exception {
        Matcher m = NUMBERED_ROW.matcher(Files.readString(Path.of("content/index.md")));
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group(1));
        }
        assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07"), numbers);
    }

    @ParameterizedTest
    @MethodSource("numberedNotebooks")
    void numberedNotebookHasFiveCodeCellsTwoStoredChartsAndAnExerciseWithHintsASolutionAndACheck(String name)
            throws Exception {
        JsonNode nb = JSON.readTree(Path.of("notebooks", name).toFile());
        int code = 0;
        int charts = 0;
        List<String> tasksWithHints = new ArrayList<>();
        List<String> answersWithSolutions = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            boolean isCode = cell.get("cell_type").asText().equals("code");
            if (isCode) {
                code++;
                for (JsonNode out : cell.path("outputs")) {
                    if (out.path("data").has("image/png")) {
                        charts++;
                    }
                }
            }
            JsonNode exercise = cell.path("metadata").path("pageframe").path("exercise");
            String id = exercise.path("id").asText();
            if (!isCode && hasTag(cell, "exercise-task") && !exercise.path("hints").isEmpty()) {
                tasksWithHints.add(id);
            } else if (isCode && hasTag(cell, "exercise-answer") && !exercise.path("solution").asText().isBlank()) {
                answersWithSolutions.add(id);
            } else if (isCode && hasTag(cell, "exercise-check") && source(cell).contains("check(")) {
                checks.add(id);
            }
        }
        assertTrue(code >= 5, name + " has " + code + " code cells");
        assertTrue(charts >= 2, name + " stores " + charts + " charts");
        boolean complete = tasksWithHints.stream()
                .anyMatch(id -> !id.isEmpty() && answersWithSolutions.contains(id) && checks.contains(id));
        assertTrue(complete, name + " has an exercise with hints, a reference solution and a check cell (tasks "
                + tasksWithHints + ", answers " + answersWithSolutions + ", checks " + checks + ")");
    }

    private static boolean hasTag(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    static Stream<Path> documents() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> nbs = Files.list(Path.of("notebooks")); Stream<Path> docs = Files.walk(Path.of("content"))) {
            nbs.filter(p -> p.toString().endsWith(".ipynb")).forEach(files::add);
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        return files.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyRelativeLinkReachesAFileAndHeadingThatExist(Path file) throws Exception {
        String text = file.toString().endsWith(".ipynb") ? markdownOf(file) : Files.readString(file);
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.contains("://") || target.startsWith("mailto:")) {
                continue;
            }
            String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
            Path resolved = path.isEmpty() ? file : file.resolveSibling(path).normalize();
            assertTrue(Files.exists(resolved), file + " links to " + target + ", which does not exist");
            if (!anchor.isEmpty() && resolved.toString().endsWith(".md")) {
                assertTrue(headingSlugs(Files.readString(resolved)).contains(anchor),
                        file + " links to " + target + ", but " + resolved + " has no such heading");
            }
        }
    }

    private static String markdownOf(Path notebook) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
            if (cell.get("cell_type").asText().equals("markdown")) {
                sb.append(source(cell)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String source(JsonNode cell) {
        JsonNode s = cell.get("source");
        if (s.isTextual()) {
            return s.asText();
        }
        StringBuilder sb = new StringBuilder();
        s.forEach(line -> sb.append(line.asText()));
        return sb.toString();
    }

    /** GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> headingSlugs(String markdown) {
        List<String> slugs = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                slugs.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return slugs;
    }
}
