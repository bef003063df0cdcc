package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabNamesTest {
    private static List<String> places(String... files) {
        return TabNames.places(Arrays.stream(files).map(f -> f == null ? null : Path.of(f)).toList());
    }

    @Test
    void aNameOpenOnceShowsNoFolderAndNeitherDoesAnUntitledNotebook() {
        assertEquals(Arrays.asList("", "", ""), places("/home/ann/lab.ipynb", "/home/ann/tour.ipynb", null));
    }

    @Test
    void filesOfOneNameShowTheFewestFoldersThatTellThemApart() {
        assertEquals(List.of("week1", "week2", ""),
                places("/home/ann/week1/lab.ipynb", "/home/ann/week2/lab.ipynb", "/home/ann/week2/other.ipynb"));
        assertEquals(List.of("ann/course", "bob/course"),
                places("/home/ann/course/lab.ipynb", "/home/bob/course/lab.ipynb"));
    }

    @Test
    void oneFileInTwoTabsShowsNoFolder() {
        assertEquals(List.of("", ""), places("/home/ann/lab.ipynb", "/home/ann/lab.ipynb"));
        assertEquals(List.of("ann", "ann", "bob"), places("/home/ann/lab.ipynb", "/home/ann/lab.ipynb", "/home/bob/lab.ipynb"));
    }

    @Test
    void aFolderThatEndsTheOthersPathIsShownWhole() {
        assertEquals(List.of("/course", "ann/course"), places("/course/lab.ipynb", "/home/ann/course/lab.ipynb"));
    }

    @Test
    void theFolderGoesBeforeTheUnsavedMark() {
        assertEquals("lab.ipynb \u2014 week1 \u2022", TabNames.text("lab.ipynb \u2022", "week1"));
        assertEquals("lab.ipynb \u2014 week1", TabNames.text("lab.ipynb", "week1"));
        assertEquals("lab.ipynb \u2022", TabNames.text("lab.ipynb \u2022", ""));
    }
}
