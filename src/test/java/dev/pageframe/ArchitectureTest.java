package dev.pageframe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point down the layers: ui -> execution -> notebook/engine; nothing below ui uses JavaFX. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.pageframe");

    @Test
    void engineDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.pageframe.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.notebook..", "dev.pageframe.execution..",
                "dev.pageframe.ui..", "dev.pageframe.cli..", "javafx..")
            .allowEmptyShould(true)
            .check(MAIN);
    }

    @Test
    void notebookDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.pageframe.notebook..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.execution..",
                "dev.pageframe.ui..", "dev.pageframe.cli..", "javafx..")
            .allowEmptyShould(true)
            .check(MAIN);
    }

    @Test
    void executionNeverReachesUpIntoTheUi() {
        noClasses().that().resideInAPackage("dev.pageframe.execution..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.ui..", "dev.pageframe.cli..", "javafx..")
            .allowEmptyShould(true)
            .check(MAIN);
    }

    @Test
    void cliDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("dev.pageframe.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .allowEmptyShould(true)
            .check(MAIN);
    }
}
