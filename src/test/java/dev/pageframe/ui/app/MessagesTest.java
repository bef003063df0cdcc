package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void theTrustBannerQuotesTheTrustStoresReasonAsOneSentence() {
        assertEquals("This notebook was not created or trusted on this computer: it was not signed on this computer, "
                + "so it probably came from someone else. Its code has not run.",
                NotebookTab.trustMessage("Not trusted: it was not signed on this computer, so it probably came from someone else."));
        assertEquals("This notebook was not created or trusted on this computer. Its code has not run.",
                NotebookTab.trustMessage(""));
    }

    @Test
    void memorySizesAreShownInBinaryUnits() {
        assertEquals("1 GiB", StatusBar.humanBytes(1L << 30));
        assertEquals("16 MiB", StatusBar.humanBytes(16L << 20));
        assertEquals("1.5 GiB", StatusBar.humanBytes(3L << 29));
    }
}
