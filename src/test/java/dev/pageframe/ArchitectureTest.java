package dev.pageframe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pageframe.cli.GuiLauncher;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering, whole: ui -> execution -> notebook -> engine, cli beside ui over the same three;
 * nothing below ui uses JavaFX; no package cycles; the ui's own rooms depend downward too. A layer
 * that matches no class fails the rule, so a renamed package cannot slip out of it.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.pageframe");

    @Test
    void layersDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            // The measuring harness drives the app from above; the app loads it only by name (ui.AppProbe).
            .layer("Measure").definedBy("dev.pageframe.measure..")
            .layer("Ui").definedBy("dev.pageframe.ui..")
            .layer("Cli").definedBy("dev.pageframe.cli..")
            .layer("Execution").definedBy("dev.pageframe.execution..")
            .layer("Notebook").definedBy("dev.pageframe.notebook..")
            .layer("Engine").definedBy("dev.pageframe.engine..")
            .whereLayer("Measure").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Measure")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Execution").mayOnlyBeAccessedByLayers("Ui", "Cli", "Measure")
            .whereLayer("Notebook").mayOnlyBeAccessedByLayers("Execution", "Ui", "Cli", "Measure")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Notebook", "Execution", "Ui", "Cli", "Measure")
            .whereLayer("Engine").mayNotAccessAnyLayer()
            .whereLayer("Notebook").mayOnlyAccessLayers("Engine")
            .whereLayer("Execution").mayOnlyAccessLayers("Notebook", "Engine")
            .check(MAIN);
    }

    /** The ui's rooms: the window over notebooks and docs, those over outputs and Markdown, all over common. */
    @Test
    void uiRoomsDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Launch").definedBy("dev.pageframe.ui")
            .layer("App").definedBy("dev.pageframe.ui.app..")
            .layer("Notebook").definedBy("dev.pageframe.ui.notebook..")
            .layer("Docs").definedBy("dev.pageframe.ui.docs..")
            .layer("Outputs").definedBy("dev.pageframe.ui.outputs..")
            .layer("Markdown").definedBy("dev.pageframe.ui.markdown..")
            .layer("Common").definedBy("dev.pageframe.ui.common..")
            .whereLayer("Launch").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("Launch")
            .whereLayer("Notebook").mayOnlyBeAccessedByLayers("Launch", "App")
            .whereLayer("Docs").mayOnlyBeAccessedByLayers("Launch", "App")
            .whereLayer("Outputs").mayOnlyBeAccessedByLayers("Launch", "App", "Notebook")
            .whereLayer("Markdown").mayOnlyBeAccessedByLayers("Launch", "App", "Notebook", "Docs", "Outputs")
            .whereLayer("Common").mayNotAccessAnyLayer()
            .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.pageframe.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingBelowTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.pageframe.ui..", "dev.pageframe.measure..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .check(MAIN);
    }

    /**
     * The command line reaches the app only through {@link GuiLauncher}, by class name, so it never
     * links against the ui (the layer rule above forbids any cli -> ui dependency); the name must
     * still lead to a real entry point.
     */
    @Test
    void cliReachesTheUiOnlyThroughTheLauncherName() throws ReflectiveOperationException {
        noClasses().that().resideInAPackage("dev.pageframe.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.ui..", "javafx..")
            .check(MAIN);
        Class<?> app = Class.forName(GuiLauncher.APP_CLASS, false, getClass().getClassLoader());
        Method launch = app.getMethod("launchApp", String[].class);
        assertTrue(Modifier.isStatic(launch.getModifiers()) && Modifier.isPublic(launch.getModifiers()), launch.toString());
    }

    /**
     * One concept, one name: no two top-level classes share a simple name (engine.Kernel beside
     * execution.Kernel, or two FrameKinds, sent readers to the wrong file and forced full names in cells).
     */
    @Test
    void topLevelClassesHaveUniqueSimpleNames() {
        List<JavaClass> topLevel = MAIN.stream()
            .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
            .toList();
        assertTrue(topLevel.size() > 100, "the import found too few classes to judge: " + topLevel.size());
        Map<String, List<String>> clashes = topLevel.stream()
            .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                Collectors.mapping(JavaClass::getName, Collectors.toList())));
        clashes.values().removeIf(names -> names.size() < 2);
        assertEquals(Map.of(), clashes, "simple names used by more than one class in src/main");
    }
}
