package dev.pageframe.ui.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.execution.cells.CellApi;
import dev.pageframe.execution.display.Charts;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell function ({@code display(...)}, {@code buddyinfo()}, …) and every chart builder
 * ({@code Charts.line}, …) has an API page with a summary for hover help, a signature and an example
 * (which notebooks/check-notebooks.sh runs), read from the API classes so a new builder cannot go undocumented.
 */
class ChartApiPagesTest {

    private static final DocsLibrary DOCS = DocsLibrary.fromDirectory(Path.of("content"));

    static Stream<String> documentedNames() {
        Set<String> names = new TreeSet<>();
        for (Method m : CellApi.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        for (Method m : Charts.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.getName().equals("fromJson")) {
                names.add("Charts." + m.getName());
            }
        }
        names.add("Charts");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("documentedNames")
    void hasAnApiPageWithASummaryASignatureAndARunnableExample(String name) {
        DocsLibrary.Page page = DOCS.apiPage(name).orElseThrow(() -> new AssertionError("no content/api/" + name + ".md"));
        assertEquals("api/" + name + ".md", page.path());
        assertFalse(DOCS.summary(name).orElse("").isBlank(), "the hover shows the first paragraph");
        assertTrue(page.markdown().contains("```java example"), "an example check-notebooks.sh runs");
        assertTrue(page.markdown().contains("## Example") && page.markdown().contains("## See also"), name);
        if (!name.equals("Charts")) {
            String method = name.startsWith("Charts.") ? name.substring("Charts.".length()) : name;
            assertTrue(page.markdown().contains(method + "("), "the signature names the function");
        }
    }

    @ParameterizedTest
    @MethodSource("documentedNames")
    void everyPageIsLinkedFromTheChartsOverviewOrIsACellFunction(String name) {
        String overview = DOCS.apiPage("Charts").orElseThrow().markdown();
        if (name.startsWith("Charts.")) {
            assertTrue(overview.contains("(" + name + ".md)"), "Charts.md links " + name);
        }
        assertTrue(List.of("display", "buddyinfo", "frameMap", "progress", "check").contains(name) || name.startsWith("Charts"),
                "a new cell function needs its place in the docs: " + name);
    }
}
