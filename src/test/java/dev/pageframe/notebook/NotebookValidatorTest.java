package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookValidatorTest {

    private static List<ValidationProblem> problems(String json) throws NotebookFormatException {
        JsonNode tree = NotebookJson.parse(json, "t", new ArrayList<>());
        return NotebookValidator.validate(tree);
    }

    private static String nb(String metadata, String cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": " + metadata + ", \"cells\": [" + cells + "]}";
    }

    @Test
    void validNotebookHasNoProblems() throws IOException {
        assertEquals(List.of(), NotebookValidator.validateFile(Fixtures.path("rich.ipynb")));
        assertEquals(List.of(), NotebookValidator.validate(Notebook.newEmpty()));
    }

    @Test
    void everyProblemIsReportedWithItsJsonPath() throws IOException {
        List<ValidationProblem> found = problems(nb("{\"kernelspec\": {\"name\": \"x\"}}",
                "{\"id\": \"a\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"a\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"bad id\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 3, \"outputs\": ["
                + "  {\"output_type\": \"stream\", \"text\": \"x\"},"
                + "  {\"output_type\": \"execute_result\", \"data\": {}, \"metadata\": {}, \"execution_count\": 1.5}],"
                + " \"execution_count\": \"7\"}"));
        List<String> rendered = found.stream().map(ValidationProblem::toString).toList();
        assertEquals(List.of(
                "metadata.kernelspec.display_name: missing",
                "cells[1].id: duplicate id \"a\" (also used by cells[0])",
                "cells[2].id: invalid id \"bad id\": ids are 1 to 64 characters from a-z, A-Z, 0-9, '-' and '_'",
                "cells[3].id: missing; nbformat 4.5 requires an id on every cell",
                "cells[3].source: expected string or list of strings, got integer",
                "cells[3].outputs[0].name: missing",
                "cells[3].outputs[1].execution_count: expected a whole number of at least 0 or null, got number 1.5",
                "cells[3].execution_count: expected a whole number of at least 0 or null, got string \"7\""), rendered);
    }

    @Test
    void badMachineSpecIsAProblemAtItsPath() throws IOException {
        List<ValidationProblem> found = problems(nb(
                "{\"pageframe\": {\"machine\": {\"profile\": \"vax\", \"memory\": \"1G\"}}}", ""));
        assertEquals(1, found.size());
        assertEquals("metadata.pageframe.machine.profile", found.getFirst().path());
        assertTrue(found.getFirst().message().contains("x86_64"), "lists the known profiles");
    }

    @Test
    void olderMinorFilesAreHeldToTheirOwnRules() throws IOException {
        String v44 = "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}]}";
        assertEquals(List.of(), problems(v44));
        assertEquals(List.of(), NotebookValidator.validateFile(Fixtures.path("v4.4-legacy.ipynb")));
    }

    @Test
    void nbformat3IsReportedAsOldInOneWarningAsNbformatHoldsItValid() throws IOException {
        List<ValidationProblem> found = NotebookValidator.validateFile(Fixtures.path("v3-legacy.ipynb"));
        assertEquals(1, found.size());
        assertEquals("nbformat", found.getFirst().path());
        assertTrue(found.getFirst().warning(), found.toString());
    }

    @Test
    void aNewerMinorsUnknownCellTypeAndFieldsAreWarningsNotErrors() throws NotebookFormatException {
        List<ValidationProblem> found = problems("{\"nbformat\": 4, \"nbformat_minor\": 7, \"metadata\": {},"
                + " \"extra_top\": 1, \"cells\": [{\"id\": \"f\", \"cell_type\": \"future cell\", \"metadata\": {},"
                + " \"anything\": [1]}, {\"id\": \"c\", \"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\","
                + " \"outputs\": [], \"execution_count\": null, \"new_field\": true}]}");
        assertEquals(List.of("extra_top", "cells[0].cell_type", "cells[1].new_field"),
                found.stream().map(ValidationProblem::path).toList());
        assertTrue(found.stream().allMatch(ValidationProblem::warning), found.toString());
    }

    @Test
    void theSameUnknownCellTypeIn45IsAnError() throws NotebookFormatException {
        List<ValidationProblem> found = problems("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
                + " \"cells\": [{\"id\": \"f\", \"cell_type\": \"future cell\", \"metadata\": {}}]}");
        assertEquals(1, found.size());
        assertFalse(found.getFirst().warning());
    }

    @Test
    void aNewerMinorsUnknownCellStillNeedsMetadata() throws NotebookFormatException {
        List<ValidationProblem> found = problems("{\"nbformat\": 4, \"nbformat_minor\": 6, \"metadata\": {},"
                + " \"cells\": [{\"id\": \"f\", \"cell_type\": \"future cell\"}]}");
        assertTrue(found.stream().anyMatch(p -> p.path().equals("cells[0].metadata") && !p.warning()), found.toString());
    }

    @Test
    void keysWithDotsAreQuotedInPaths() throws IOException {
        List<ValidationProblem> found = problems(nb("{}", "{\"id\": \"a\", \"cell_type\": \"code\", \"metadata\":"
                + " {\"execution\": {\"iopub.status.busy\": 3}}, \"source\": \"\", \"outputs\": [], \"execution_count\": null}"));
        assertEquals("cells[0].metadata.execution[\"iopub.status.busy\"]", found.getFirst().path());
    }

    @Test
    void unparseableFileIsAFormatErrorNotAProblemList(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.ipynb");
        Files.writeString(file, "{\"cells\": [");
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> NotebookValidator.validateFile(file));
        assertTrue(e.location().startsWith("line 1"), e.getMessage());
    }
}
