package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookModelTest {

    @Test
    void editsReturnNewValuesAndLeaveTheOriginalAlone() {
        Notebook original = Notebook.newEmpty().withCells(List.of(Cell.code("1 + 1")));
        Cell cell = original.cells().getFirst();
        Cell ran = cell.withExecutionCount(3).withOutputAdded(Output.ExecuteResult.of(3, MimeBundle.plain("2")));
        Notebook edited = original.withCell(ran);
        assertNull(original.cells().getFirst().executionCount());
        assertEquals(3, edited.cells().getFirst().executionCount());
        assertEquals("2", ((Output.ExecuteResult) edited.cells().getFirst().outputs().getFirst()).data().text("text/plain").orElseThrow());
    }

    @Test
    void metadataCannotBeChangedThroughAReturnedNode() {
        Notebook nb = Notebook.newEmpty();
        nb.metadata().put("sneaky", true);
        assertFalse(nb.metadata().has("sneaky"));
        ObjectNode mine = Json.object().put("a", 1);
        Cell cell = Cell.markdown("x").withMetadata(mine);
        mine.put("a", 2);
        assertEquals(1, cell.metadata().get("a").intValue());
    }

    @Test
    void structuralEditsKeepOrder() {
        Cell a = Cell.markdown("a");
        Cell b = Cell.code("b");
        Cell c = Cell.raw("c");
        Notebook nb = Notebook.newEmpty().insertCell(0, a).insertCell(1, b).insertCell(2, c);
        assertEquals(List.of(b, c, a), nb.moveCell(0, 2).cells());
        assertEquals(List.of(a, c), nb.removeCell(1).cells());
        assertEquals(1, nb.indexOf(b.id()));
        assertEquals(-1, nb.indexOf("nope"));
    }

    @Test
    void duplicateIdsCannotBeBuilt() {
        Cell a = Cell.markdown("a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Notebook.newEmpty().withCells(List.of(a, a.withSource("copy"))));
        assertTrue(e.getMessage().contains("cells[1].id"));
    }

    @Test
    void changingCellTypeDropsWhatTheNewTypeCannotHold() {
        Cell code = Cell.code("# Title").withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout("x")));
        Cell md = code.withType(CellType.MARKDOWN);
        assertTrue(md.outputs().isEmpty());
        assertNull(md.executionCount());
        assertEquals(code.id(), md.id());
        Cell withAttachment = md.withAttachments(Map.of("a.png", MimeBundle.of("image/png", "AAAA")));
        assertNull(withAttachment.withType(CellType.CODE).attachments());
    }

    @Test
    void invalidCellsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Cell("bad id", CellType.CODE, null, "", null, List.of(), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Cell.markdown("x").withExecutionCount(1));
        assertThrows(IllegalArgumentException.class,
                () -> Cell.code("x").withAttachments(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Cell.code("x").withExecutionCount(-1));
    }

    @Test
    void clearedCodeCellHasNoOutputsOrCount() throws IOException {
        Cell cell = Fixtures.load("rich.ipynb").cell("code-alloc").orElseThrow().cleared();
        assertTrue(cell.outputs().isEmpty());
        assertNull(cell.executionCount());
        assertTrue(cell.metadata().has("tags"), "metadata survives");
    }

    @Test
    void newCellsGetFreshValidIds() {
        Cell a = Cell.code("");
        Cell b = Cell.code("");
        assertTrue(CellIds.isValid(a.id()));
        assertFalse(a.id().equals(b.id()));
    }

    @Test
    void streamAppendMergesConsecutivePrints() {
        assertEquals("a\nb\n", Output.Stream.stdout("a\n").append("b\n").text());
    }

    @Test
    void jsonMimeTypesAreRecognisedAsJupyterDoes() {
        assertTrue(MimeBundle.isJsonMimeType("application/json"));
        assertTrue(MimeBundle.isJsonMimeType("application/vnd.pageframe.zone+json"));
        assertFalse(MimeBundle.isJsonMimeType("text/json"));
        assertFalse(MimeBundle.isJsonMimeType("application/javascript"));
    }
}
