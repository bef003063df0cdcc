package dev.pageframe.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Links written for GitHub or Jupyter find their heading. */
class AnchorsTest {

    private static final List<String> HEADINGS = List.of("Zones", "Buddy allocator: free lists", "Example",
            "kmalloc() & friends", "Example");

    @Test
    void githubSlugsAreLowerCaseWithPunctuationDroppedAndSpacesAsHyphens() {
        assertEquals(1, Anchors.find(HEADINGS, "buddy-allocator-free-lists"));
        assertEquals(3, Anchors.find(HEADINGS, "kmalloc--friends"));
        assertEquals(0, Anchors.find(HEADINGS, "#zones"), "a leading # is part of the link, not the anchor");
    }

    @Test
    void repeatedHeadingsGetGithubsNumberSuffixes() {
        assertEquals(2, Anchors.find(HEADINGS, "example"));
        assertEquals(4, Anchors.find(HEADINGS, "example-1"));
    }

    @Test
    void jupyterAnchorsAreTheHeadingTextWithHyphensForSpaces() {
        assertEquals(1, Anchors.find(HEADINGS, "Buddy-allocator:-free-lists"));
        assertEquals(3, Anchors.find(HEADINGS, "kmalloc()-&-friends"));
    }

    @Test
    void aFragmentDifferingOnlyInCaseOrPunctuationStillLands() {
        assertEquals(1, Anchors.find(HEADINGS, "Buddy-Allocator-Free-Lists"));
    }

    @Test
    void unknownOrEmptyFragmentsFindNothing() {
        assertEquals(-1, Anchors.find(HEADINGS, "slab-caches"));
        assertEquals(-1, Anchors.find(HEADINGS, ""));
        assertEquals(-1, Anchors.find(HEADINGS, null));
    }

    @Test
    void theFragmentOfALinkIsDecoded() {
        assertEquals("free-lists", Anchors.fragmentOf("buddy.md#free-lists"));
        assertEquals("Free lists", Anchors.fragmentOf("#Free%20lists"));
        assertNull(Anchors.fragmentOf("buddy.md"));
        assertNull(Anchors.fragmentOf("buddy.md#"));
    }
}
