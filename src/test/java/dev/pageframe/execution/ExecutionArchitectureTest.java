package dev.pageframe.execution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependency rules that keep the agent JVM lean and the execution layer UI-free. */
class ExecutionArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pageframe.execution");

    @Test
    void agentCodeDoesNotDependOnTheHostSide() {
        noClasses().that().resideInAPackage("dev.pageframe.execution.agent..")
                .should().dependOnClassesThat().resideInAPackage("dev.pageframe.execution")
                .check(CLASSES);
    }

    @Test
    void executionLayerUsesNoJavaFx() {
        noClasses().that().resideInAPackage("dev.pageframe.execution..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void codeThatRunsInsideTheAgentDoesNotNeedTheNotebookModel() {
        // Only the host side maps results onto notebook files; what cells load stays small.
        noClasses().that().resideInAnyPackage("dev.pageframe.execution.agent..", "dev.pageframe.execution.cells..",
                        "dev.pageframe.execution.display..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.notebook..")
                .check(CLASSES);
    }

    @Test
    void cellFunctionsDoNotReachIntoTheHostSide() {
        noClasses().that().resideInAPackage("dev.pageframe.execution.cells..")
                .should().dependOnClassesThat().resideInAPackage("dev.pageframe.execution")
                .check(CLASSES);
    }

    @Test
    void codeThatRunsInsideTheAgentUsesNoAwt() {
        // The agent JVM must not load AWT; charts become PNGs on the host (execution.png).
        noClasses().that().resideInAnyPackage("dev.pageframe.execution.agent..", "dev.pageframe.execution.cells..",
                        "dev.pageframe.execution.display..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javax.swing..",
                        "dev.pageframe.execution.png..")
                .check(CLASSES);
    }

    @Test
    void theSandboxStandsAlone() {
        // Its confined thread runs it alone between confining itself and spawning the agent: nothing of Pageframe
        // but itself, so no class of ours is first loaded (and initialised) by a confined thread.
        noClasses().that().resideInAPackage("dev.pageframe.execution.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pageframe.execution", "dev.pageframe.execution.agent..",
                        "dev.pageframe.execution.cells..", "dev.pageframe.execution.display..", "dev.pageframe.engine..",
                        "dev.pageframe.notebook..", "com.fasterxml..")
                .check(CLASSES);
    }
}
