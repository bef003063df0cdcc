package dev.pageframe.engine.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel function a cell can call ({@link KernelApi} and the era classes) has its API page, with the
 * function's name as its title, an example check-notebooks.sh runs, and a place in the index.
 */
class KernelApiPagesTest {

    static Stream<String> cellFunctions() {
        Set<String> names = new TreeSet<>();
        for (Class<?> api : new Class<?>[] {KernelApi.class, LegacyApi.class, ModernApi.class}) {
            for (Method m : api.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    names.add(m.getName());
                }
            }
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("cellFunctions")
    void cellFunctionHasAnApiPageWithAnExampleLinkedFromTheIndex(String name) throws Exception {
        Path page = Path.of("content/api", name + ".md");
        assertTrue(Files.exists(page), "no " + page + " for the cell function " + name);
        String text = Files.readString(page);
        assertTrue(text.startsWith("# " + name + "\n"), page + " is titled with the function's name");
        assertTrue(text.contains("```java example"), page + " has an example that check-notebooks.sh runs");
        assertTrue(Files.readString(Path.of("content/index.md")).contains("(api/" + name + ".md)"),
                "content/index.md links " + name);
    }
}
