package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages about bad files say what is wrong in words, where, and never echo a megabyte. */
class ReaderMessagesTest {
    private static NotebookFormatException failure(String json) {
        return assertThrows(NotebookFormatException.class, () -> Fixtures.reader().readString(json, "t.ipynb"));
    }

    private static List<String> problems(String json) throws NotebookFormatException {
        return NotebookValidator.validate(NotebookJson.parse(json, "t", new ArrayList<>())).stream()
                .map(ValidationProblem::toString).toList();
    }

    @Test
    void aHugeNbformatIsOutOfRangeNotAWrappedNumber() throws NotebookFormatException {
        String json = "{\"nbformat\": 1e20, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";
        List<String> found = problems(json);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.getFirst().startsWith("nbformat: ") && found.getFirst().contains("out of range"), found.toString());
        assertFalse(found.getFirst().contains("7766279631452241920"), found.toString());
        String read = failure(json).detail();
        assertTrue(read.contains("out of range") && !read.contains("7766279631452241920"), read);
    }

    @Test
    void aNbformatPastLongIsOutOfRangeNotAWrappedNumber() throws NotebookFormatException {
        String json = "{\"nbformat\": 100000000000000000000, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";
        assertEquals(List.of("nbformat: 100000000000000000000 is out of range; expected 4"), problems(json));
        assertTrue(failure(json).detail().startsWith("100000000000000000000 is out of range"), failure(json).detail());
    }

    @Test
    void aNullNbformatIsSaidInWords() throws NotebookFormatException {
        String json = "{\"nbformat\": null, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";
        assertEquals(List.of("nbformat: is null (no value); expected the integer 4"), problems(json));
        assertEquals("is null (no value); expected an integer", failure(json).detail());
    }

    @Test
    void nestingTooDeepSaysWhereInOurWords() {
        String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"x\":\n" + "[".repeat(1_001);
        NotebookFormatException e = failure(json);
        // Line 1 opens two objects, so line 2's 999th bracket is the 1001st open at once.
        assertEquals("line 2, column 999", e.location());
        assertEquals("lists and objects are nested more than 1000 deep here; no notebook nests that deep", e.detail());
        assertFalse(e.getMessage().contains("Document nesting depth") || e.getMessage().contains("StreamReadConstraints"),
                e.getMessage());
    }

    @Test
    void aMebibyteCellIdIsCut() throws NotebookFormatException {
        String id = "x".repeat(1 << 20) + " ";
        List<String> found = problems("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"id\": \"" + id + "\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}]}");
        String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"id\": \"" + id + "\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}]}";
        String read = failure(json).getMessage();
        assertTrue(read.length() < 300 && read.contains("x".repeat(Excerpt.KEPT) + "…"), "the reader cuts it too: " + read.length());
        String idProblem = found.stream().filter(p -> p.startsWith("cells[0].id")).findFirst().orElseThrow();
        assertTrue(idProblem.startsWith("cells[0].id: invalid id \"" + "x".repeat(Excerpt.KEPT) + "… (1048577 characters)\""),
                idProblem.substring(0, Math.min(200, idProblem.length())));
        assertTrue(idProblem.length() < 300, "cut, not echoed whole: " + idProblem.length() + " characters");
    }
}
