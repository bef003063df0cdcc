package dev.pageframe.ui.app;

import dev.pageframe.ui.UiFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A test class that drives one main window: started before its tests, emptied after each, closed at the end. */
abstract class WindowTest {
    static UiFixture ui;

    @BeforeAll
    static void startWindow() throws Exception {
        ui = UiFixture.start();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        ui.close();
    }

    @AfterEach
    void closeTabs() {
        ui.closeDialogs();
        ui.closeAllTabs();
    }
}
