package dev.pageframe.notebook;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NotebookArchitectureTest {
    private static final JavaClasses NOTEBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pageframe.notebook");

    @Test
    void notebookPackageUsesNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(NOTEBOOK);
    }

    @Test
    void notebookPackageDependsOnNoOtherPageframePackage() {
        noClasses().should().dependOnClassesThat(
                resideInAPackage("dev.pageframe..").and(not(resideInAnyPackage("dev.pageframe.notebook", "dev.pageframe.notebook.html",
                        "dev.pageframe.notebook.recovery", "dev.pageframe.notebook.exercise"))))
                .check(NOTEBOOK);
    }
}
