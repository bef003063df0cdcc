package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotebookWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", "0.1|0.1", "1e16|1e+16", "1e15|1000000000000000.0", "1234567890123456.0|1234567890123456.0",
        "12345678901234567.0|1.2345678901234568e+16", "0.0001|0.0001", "0.00001|1e-05", "4.9e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308", "-0.0|-0.0", "1e22|1e+22", "2.5e-7|2.5e-07",
        "-42.5|-42.5", "100|100.0", "3e-5|3e-05", "9.5e-5|9.5e-05"})
    void floatsAreWrittenAsPythonReprWritesThem(double value, String expected) {
        assertEquals(expected, PythonJson.floatRepr(value));
    }

    @Test
    void nonFiniteFloatsAreWrittenAsPythonJsonDoes() {
        assertEquals("NaN", PythonJson.floatRepr(Double.NaN));
        assertEquals("Infinity", PythonJson.floatRepr(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", PythonJson.floatRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void keysSortByCodePointLikePython() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("😀", 1).put("\uE000", 2).put("a", 3).put("B", 4);
        assertEquals("{\n \"B\": 4,\n \"a\": 3,\n \"\uE000\": 2,\n \"😀\": 1\n}", PythonJson.toString(o));
    }

    @Test
    void onlyQuotesBackslashesAndControlsAreEscaped() throws IOException {
        StringBuilder sb = new StringBuilder();
        PythonJson.writeString("a/</script>\u0000\u001f\u007f\u2028é😀\t\b\f\r\n\"\\", sb);
        assertEquals("\"a/</script>\\u0000\\u001f\u007f\u2028é😀\\t\\b\\f\\r\\n\\\"\\\\\"", sb.toString());
    }

    @Test
    void loneSurrogateIsEscapedSoTheFileStaysValidUtf8() throws IOException {
        StringBuilder sb = new StringBuilder();
        PythonJson.writeString("x\uD800y\uDC00", sb);
        assertEquals("\"x\\ud800y\\udc00\"", sb.toString());
    }

    @Test
    void textSplitsAfterEveryLineBoundaryPythonKnows() {
        assertEquals(List.of("a\u000b", "b\u000c", "c\u001c", "d\u0085", "e\u2028", "f\r\n", "g\r", "h"),
                TextLines.splitKeepEnds("a\u000bb\u000cc\u001cd\u0085e\u2028f\r\ng\rh"));
        assertEquals(List.of(), TextLines.splitKeepEnds(""));
        assertEquals(List.of("\n", "\n"), TextLines.splitKeepEnds("\n\n"));
        assertEquals(List.of("a", "b", ""), TextLines.splitDropEnds("a\r\nb\n\n"));
    }

    @Test
    void multiLineFieldsAreWrittenAsListsOfLines() {
        Cell code = Cell.code("int x;\nx = 1;").withExecutionCount(1).withOutputs(List.of(
                Output.Stream.stdout("a\nb\n"),
                Output.ExecuteResult.of(1, MimeBundle.plain("1\n2").with("image/png", "AAAA\nBBBB")
                        .withJson("application/json", JsonNodeFactory.instance.textNode("x\ny"))),
                Output.ErrorOutput.of("E", "v", List.of("line\nwith newline"))));
        String json = NotebookWriter.toJson(Notebook.newEmpty().withCells(List.of(code)));
        assertTrue(json.contains("\"source\": [\n    \"int x;\\n\",\n    \"x = 1;\"\n   ]"), json);
        assertTrue(json.contains("\"text\": [\n      \"a\\n\",\n      \"b\\n\"\n     ]"), json);
        assertTrue(json.contains("\"text/plain\": [\n       \"1\\n\",\n       \"2\"\n      ]"), json);
        assertTrue(json.contains("\"image/png\": \"AAAA\\nBBBB\""), "base64 is not split: " + json);
        assertTrue(json.contains("\"application/json\": \"x\\ny\""), "JSON values are not split: " + json);
        assertTrue(json.contains("\"line\\nwith newline\""), "traceback entries stay whole: " + json);
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    void transientKeysAndSignaturesAreNeverWritten() {
        ObjectNode md = Notebook.newEmpty().metadata();
        md.put("signature", "sha256:00").put("orig_nbformat", 3).put("orig_nbformat_minor", 0);
        ObjectNode cellMd = JsonNodeFactory.instance.objectNode().put("trusted", true).put("keep", 1);
        Notebook nb = Notebook.newEmpty().withMetadata(md).withCells(List.of(Cell.code("x").withMetadata(cellMd)));
        String json = NotebookWriter.toJson(nb);
        assertFalse(json.contains("signature"));
        assertFalse(json.contains("orig_nbformat"));
        assertFalse(json.contains("trusted"));
        assertTrue(json.contains("\"keep\": 1"));
    }

    @Test
    void streamingWriteMatchesStringWrite() throws IOException {
        Notebook nb = Fixtures.load("rich.ipynb");
        StringWriter w = new StringWriter();
        NotebookWriter.write(nb, w);
        assertEquals(NotebookWriter.toJson(nb), w.toString());
    }

    @Test
    void newEmptyNotebookWritesPageframeKernelAndDefaultMachine() {
        String json = NotebookWriter.toJson(Notebook.newEmpty());
        assertEquals("""
                {
                 "cells": [],
                 "metadata": {
                  "kernelspec": {
                   "display_name": "Java (Pageframe)",
                   "language": "java",
                   "name": "pageframe-java"
                  },
                  "language_info": {
                   "codemirror_mode": "text/x-java",
                   "file_extension": ".jshell",
                   "mimetype": "text/x-java-source",
                   "name": "java",
                   "pygments_lexer": "java"
                  },
                  "pageframe": {
                   "machine": {
                    "memory": "1G",
                    "profile": "x86_64"
                   }
                  }
                 },
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """, json);
    }

    @Test
    void editedCellIsWrittenAndReadBack() throws IOException {
        Notebook nb = Fixtures.load("rich.ipynb");
        Cell edited = nb.cell("code-alloc").orElseThrow().withSource("zone.freeArea(0)\n").cleared();
        Notebook changed = nb.withCell(edited);
        Notebook reread = Fixtures.reader().readString(NotebookWriter.toJson(changed), "x").notebook();
        assertEquals(changed, reread);
        assertEquals("zone.freeArea(0)\n", reread.cell("code-alloc").orElseThrow().source());
        assertTrue(reread.cell("code-alloc").orElseThrow().outputs().isEmpty());
    }
}
