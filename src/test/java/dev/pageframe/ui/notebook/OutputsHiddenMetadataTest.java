package dev.pageframe.ui.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How a cell's hidden outputs are read from and written to its metadata, as JupyterLab and classic Notebook keep them. */
class OutputsHiddenMetadataTest {
    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    @Test
    void collapsedWinsWhereItIsSetElseOutputsHiddenCounts() throws Exception {
        assertTrue(CellModel.outputsHidden(json("{\"collapsed\": true}")));
        assertTrue(CellModel.outputsHidden(json("{\"jupyter\": {\"outputs_hidden\": true}}")));
        assertFalse(CellModel.outputsHidden(json("{\"collapsed\": false, \"jupyter\": {\"outputs_hidden\": true}}")));
        assertFalse(CellModel.outputsHidden(json("{\"tags\": [\"x\"]}")));
        assertFalse(CellModel.outputsHidden(null));
    }

    @Test
    void hidingWritesBothKeysAndShowingRemovesThemKeepingTheRest() throws Exception {
        ObjectNode md = json("{\"tags\": [\"x\"], \"jupyter\": {\"source_hidden\": true}}");
        ObjectNode hidden = CellModel.withOutputsHidden(md, true);
        assertEquals(json("{\"tags\": [\"x\"], \"jupyter\": {\"source_hidden\": true, \"outputs_hidden\": true},"
                + " \"collapsed\": true}"), hidden);
        assertEquals(json("{\"tags\": [\"x\"], \"jupyter\": {\"source_hidden\": true}}"), md, "the original is not touched");
        assertEquals(md, CellModel.withOutputsHidden(hidden, false));
        assertEquals(json("{}"), CellModel.withOutputsHidden(json("{\"collapsed\": true}"), false));
        assertSame(md, CellModel.withOutputsHidden(md, false), "metadata that agrees is kept as it is");
    }
}
