package dev.pageframe.execution.display;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the display package headless: it renders in tests, in CI and in a kernel with no screen. */
class DisplayDependenciesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pageframe.execution.display");

    @Test
    void displayUsesNoGuiToolkit() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "javax.imageio..")
                .check(classes);
    }

    @Test
    void displayDoesNotReachUpIntoTheUi() {
        // Dependencies point inward (ui → execution → notebook, engine); the desktop app reads display, not back.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.pageframe.ui..", "dev.pageframe.cli..")
                .check(classes);
    }
}
