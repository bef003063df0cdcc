package dev.pageframe.ui.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelNamesTest {

    private static Optional<String> at(String text, String word) {
        return KernelNames.documentedName(text, JavaSyntax.wordAt(text, text.indexOf(word) + 1));
    }

    @Test
    void aChartBuilderIsDocumentedUnderItsQualifiedName() {
        String cell = "display(Charts.line(\"free\").series(\"s\", xs).build());";
        assertEquals(Optional.of("Charts.line"), at(cell, "line"));
        assertEquals(Optional.of("Charts"), at(cell, "Charts"));
        assertEquals(Optional.of("display"), at(cell, "display"));
        assertEquals(Optional.of("Charts.stackedArea"), at("Charts\n    .stackedArea(\"t\")", "stackedArea"));
    }

    @Test
    void namesThatOnlyLookLikeTheApiHaveNoPage() {
        assertEquals(Optional.empty(), at("int line = 3;", "line"), "a local called line");
        assertEquals(Optional.empty(), at("list.display();", "display"), "another object's method");
        assertEquals(Optional.empty(), at("Charts.series(1)", "series"), "not a builder of Charts");
        assertEquals(Optional.of("kmalloc"), at("long p = kmalloc(64, GFP_KERNEL);", "kmalloc"));
    }
}
