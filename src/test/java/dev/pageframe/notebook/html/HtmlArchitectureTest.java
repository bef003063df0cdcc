package dev.pageframe.notebook.html;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The HTML export belongs to the notebook layer: it uses the notebook model and nothing above it. */
class HtmlArchitectureTest {
    private static final JavaClasses HTML = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pageframe.notebook.html");

    @Test
    void htmlExportUsesOnlyTheNotebookModelFromPageframe() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.pageframe..")
                        .and(not(resideInAnyPackage("dev.pageframe.notebook", "dev.pageframe.notebook.html"))))
                .check(HTML);
    }

    @Test
    void htmlExportUsesNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(HTML);
    }
}
