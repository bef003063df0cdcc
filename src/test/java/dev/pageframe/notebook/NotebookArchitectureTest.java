package dev.pageframe.notebook;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.Sizes;
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

    /** The engine is the lowest layer; the notebook takes only its size parser and profile names from it. */
    @Test
    void notebookPackageTakesOnlySizesAndProfileNamesFromBelow() {
        noClasses().should().dependOnClassesThat(
                resideInAPackage("dev.pageframe..")
                        .and(not(resideInAnyPackage("dev.pageframe.notebook", "dev.pageframe.notebook.html",
                                "dev.pageframe.notebook.recovery", "dev.pageframe.notebook.exercise")))
                        .and(not(type(Sizes.class).or(type(MachineProfiles.class)).or(type(MachineProfile.class)))))
                .check(NOTEBOOK);
    }
}
