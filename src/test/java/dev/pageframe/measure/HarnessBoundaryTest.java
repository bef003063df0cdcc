package dev.pageframe.measure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The measuring harness sits on top of the app: nothing the app ships depends on it, it is only loaded by name. */
class HarnessBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pageframe");

    @Test
    void nothingOutsideTheHarnessDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.pageframe.measure..")
                .should().dependOnClassesThat().resideInAPackage("dev.pageframe.measure..")
                .check(MAIN);
    }
}
