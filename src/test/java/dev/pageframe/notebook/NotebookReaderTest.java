package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotebookReaderTest {
    @TempDir
    Path dir;

    private static String nb45(String cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" + cells + "]}";
    }

    private static LoadResult read(String json) throws NotebookFormatException {
        return Fixtures.reader().readString(json, "test.ipynb");
    }

    private static NotebookFormatException failure(String json) {
        return assertThrows(NotebookFormatException.class, () -> read(json));
    }

    @Test
    void sourceMayBeAStringOrAListOfStrings() throws IOException {
        Notebook nb = read(nb45(
                "{\"id\": \"a\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"one\\ntwo\"},"
                + "{\"id\": \"b\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"one\\n\", \"two\"]}")).notebook();
        assertEquals("one\ntwo", nb.cells().get(0).source());
        assertEquals("one\ntwo", nb.cells().get(1).source());
    }

    @Test
    void mimeTextIsJoinedWhileJsonMimeStaysJson() throws IOException {
        Notebook nb = Fixtures.load("rich.ipynb");
        Output.ExecuteResult result = (Output.ExecuteResult) nb.cell("code-alloc").orElseThrow().outputs().get(2);
        assertEquals("Zone[Normal, free=4096 pages]\n  order 0: 12", result.data().text("text/plain").orElseThrow());
        assertTrue(result.data().json("application/json").orElseThrow().isObject());
        assertEquals(0.75, result.data().json("application/json").orElseThrow().get("ratio").doubleValue());
        assertTrue(result.data().json("application/vnd.pageframe.zone+json").orElseThrow().get("orders").isArray());
        Output.DisplayData svg = (Output.DisplayData) nb.cell("code-alloc").orElseThrow().outputs().get(4);
        assertTrue(svg.data().text("image/svg+xml").orElseThrow().startsWith("<svg"));
        assertEquals(4, svg.data().text("image/svg+xml").orElseThrow().lines().count());
    }

    @Test
    void markdownAttachmentsAreRead() throws IOException {
        Cell md = Fixtures.load("rich.ipynb").cell("intro-markdown").orElseThrow();
        MimeBundle png = md.attachments().get("frames.png");
        assertTrue(png.text("image/png").orElseThrow().startsWith("iVBORw0KGgo"));
        assertEquals("two frames\nside by side\n", png.text("text/plain").orElseThrow());
    }

    @Test
    void errorOutputKeepsTracebackAsLines() throws IOException {
        Cell cell = Fixtures.load("rich.ipynb").cell("code-error").orElseThrow();
        Output.ErrorOutput error = (Output.ErrorOutput) cell.outputs().getFirst();
        assertEquals("IllegalArgumentException", error.ename());
        assertEquals(2, error.traceback().size());
        assertTrue(error.traceback().get(1).contains("\n"));
    }

    @Test
    void unknownOutputTypeAndUnknownFieldsAreKeptVerbatim() throws IOException {
        Notebook nb = Fixtures.load("unknown-fields.ipynb");
        Cell cell = nb.cells().getFirst();
        Output.Unknown unknown = (Output.Unknown) cell.outputs().getFirst();
        assertEquals("x-pageframe-frame-map", unknown.outputType());
        assertEquals("kept as one string\nnot split\n", unknown.raw().get("text").textValue());
        assertTrue(cell.extra().get("x-cell-extra").get("kept").booleanValue());
        assertEquals("kept too", ((Output.Stream) cell.outputs().get(1)).extra().get("x-output-extra").textValue());
        assertEquals("kept", nb.extra().get("x-top-level-extra").get(0).textValue());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        NotebookFormatException e = failure("{\n  \"nbformat\": 4,\n  \"cells\": [}\n}");
        assertEquals("line 3, column 13", e.location());
        assertTrue(e.getMessage().startsWith("test.ipynb: line 3, column 13: malformed JSON"), e.getMessage());
    }

    @Test
    void truncatedJsonSaysWhereItEnded() {
        NotebookFormatException e = failure("{\n \"nbformat\": 4,\n \"cells\": [");
        assertTrue(e.location().startsWith("line 3"), e.getMessage());
        assertTrue(e.detail().contains("end-of-input"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), "no Jackson internals in user messages: " + e.getMessage());
    }

    @Test
    void mismatchedBracketSaysWhereTheListOpened() {
        NotebookFormatException e = failure("{\"nbformat\": 4, \"cells\": [}");
        assertEquals("line 1, column 27", e.location());
        assertEquals("malformed JSON: Unexpected close marker '}': expected ']' (for the list opened at line 1, column 26)",
                e.detail());
    }

    @Test
    void trailingGarbageAfterTheNotebookIsRefused() {
        NotebookFormatException e = failure(nb45("") + " {}");
        assertTrue(e.location().startsWith("line 1"), e.getMessage());
    }

    @Test
    void wrongTypeNamesJsonPath() {
        NotebookFormatException e = failure(nb45(
                "{\"id\": \"a\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"b\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"c\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": 42}"));
        assertEquals("test.ipynb: cells[2].source: expected string or list of strings, got integer", e.getMessage());
    }

    @Test
    void wrongTypeInsideAListNamesTheElement() {
        NotebookFormatException e = failure(nb45(
                "{\"id\": \"a\", \"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"execution_count\": null,"
                + " \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"ok\", 3]}]}"));
        assertEquals("cells[0].outputs[0].text[1]", e.location());
        assertEquals("expected string, got integer", e.detail());
    }

    @Test
    void mimeValueOfWrongTypeNamesTheMimeType() {
        NotebookFormatException e = failure(nb45(
                "{\"id\": \"a\", \"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"execution_count\": 1,"
                + " \"outputs\": [{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"text/plain\": 5}}]}"));
        assertEquals("cells[0].outputs[0].data.text/plain", e.location());
    }

    @Test
    void badExecutionCountIsRefusedWithPath() {
        NotebookFormatException e = failure(nb45(
                "{\"id\": \"a\", \"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"outputs\": [], \"execution_count\": \"3\"}"));
        assertEquals("cells[0].execution_count", e.location());
        assertTrue(e.detail().contains("got string"), e.detail());
    }

    @Test
    void aDuplicateCellIdIsRepairedWithANoteAsJupyterDoes() throws IOException {
        LoadResult r = read(nb45(
                "{\"id\": \"same\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"other\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"same\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}"));
        List<String> ids = r.notebook().cells().stream().map(Cell::id).toList();
        assertEquals("same", ids.get(0));
        assertEquals("other", ids.get(1));
        assertFalse(List.of("same", "other").contains(ids.get(2)), ids.toString());
        assertTrue(r.notes().contains("cells[2].id repeated the id \"same\" of cells[0], so it was given a new one;"
                + " saving writes it."), r.notes().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"has space\"", "\"\"", "\"dots.are.bad\"", "12",
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""})
    void invalidCellIdIsRefusedInNbformat45(String id) {
        NotebookFormatException e = failure(nb45("{\"id\": " + id + ", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}"));
        assertEquals("cells[0].id", e.location());
    }

    @Test
    void missingIdsAreGeneratedUniqueAndValidWithANote() throws IOException {
        // The generator's first id is taken by a later cell: it must be skipped, not duplicated.
        LoadResult r = read(nb45(
                "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"id\": \"cell-1\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"},"
                + "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}"));
        List<String> ids = r.notebook().cells().stream().map(Cell::id).toList();
        assertEquals(List.of("cell-2", "cell-1", "cell-3"), ids);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Gave 2 cells a new id")), r.notes().toString());
    }

    @Test
    void defaultGeneratorGivesValidDistinctIds() throws IOException {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            cells.append(i == 0 ? "" : ",").append("{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"}");
        }
        Notebook nb = new NotebookReader().readString(nb45(cells.toString()), "x").notebook();
        Set<String> ids = new HashSet<>();
        nb.cells().forEach(c -> {
            assertTrue(CellIds.isValid(c.id()));
            ids.add(c.id());
        });
        assertEquals(200, ids.size());
    }

    @Test
    void olderMinorVersionsOpenWithAnUpgradeNote() throws IOException {
        for (int minor = 0; minor <= 4; minor++) {
            LoadResult r = read("{\"nbformat\": 4, \"nbformat_minor\": " + minor + ", \"metadata\": {}, \"cells\": ["
                    + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"x\", \"outputs\": [], \"execution_count\": null}]}");
            assertEquals(5, r.notebook().nbformatMinor());
            assertTrue(r.upgraded());
            assertEquals(List.of("This file is nbformat 4." + minor + "; saving upgrades it to nbformat 4.5.",
                    "Gave 1 cell a new id, as nbformat 4.5 requires one per cell."), r.notes());
        }
    }

    @Test
    void currentFilesOpenWithoutNotes() throws IOException {
        LoadResult r = Fixtures.reader().read(Fixtures.path("rich.ipynb"));
        assertEquals(List.of(), r.notes());
        assertFalse(r.upgraded());
    }

    @Test
    void missingFieldsAreFilledInWithANote() throws IOException {
        LoadResult r = read(nb45("{\"id\": \"a\", \"cell_type\": \"code\", \"source\": \"x\"}"));
        Cell cell = r.notebook().cells().getFirst();
        assertTrue(cell.outputs().isEmpty());
        assertTrue(r.notes().getFirst().contains("cells[0].metadata"), r.notes().toString());
        assertTrue(NotebookValidator.validate(r.notebook()).isEmpty());
    }

    @Test
    void nonUtf8BytesReportTheirByteOffset() {
        byte[] good = nb45("{\"id\": \"a\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"caf\u00e9 \"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = nb45("{\"id\": \"a\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"cafX \"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        int offset = new String(bad, StandardCharsets.ISO_8859_1).indexOf('X');
        bad[offset] = (byte) 0xE9; // Latin-1 é: a lone byte that UTF-8 does not allow
        assertTrue(good.length > 0);
        NotebookFormatException e = assertThrows(NotebookFormatException.class,
                () -> Fixtures.reader().read(bad, "latin1.ipynb"));
        assertEquals("byte " + offset + " (line 1)", e.location());
        assertTrue(e.detail().contains("0xE9") && e.detail().contains("UTF-8"), e.detail());
    }

    @Test
    void overlongUtf8EncodingIsRefused() {
        byte[] bytes = nb45("").getBytes(StandardCharsets.US_ASCII);
        byte[] withOverlong = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withOverlong, 0, bytes.length);
        withOverlong[bytes.length] = (byte) 0xC0; // overlong '/' — lenient decoders accept it
        withOverlong[bytes.length + 1] = (byte) 0xAF;
        NotebookFormatException e = assertThrows(NotebookFormatException.class,
                () -> Fixtures.reader().read(withOverlong, "overlong.ipynb"));
        assertEquals("byte " + bytes.length + " (line 1)", e.location());
    }

    @Test
    void byteOrderMarkIsSkippedWithANote() throws IOException {
        LoadResult r = Fixtures.reader().read(("\uFEFF" + nb45("")).getBytes(StandardCharsets.UTF_8), "bom.ipynb");
        assertTrue(r.notes().getFirst().contains("byte order mark"));
    }

    @Test
    void fileOverTheLimitIsRefusedNamingSizeAndLimit() throws IOException {
        Path file = dir.resolve("big.ipynb");
        Files.writeString(file, nb45("") + " ".repeat(3000));
        NotebookReader reader = new NotebookReader(2048, Fixtures.counterIds());
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> reader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": the file is "), e.getMessage());
        assertTrue(e.detail().contains("(" + Files.size(file) + " bytes)"), e.detail());
        assertTrue(e.detail().contains("over the 2 KiB limit"), e.detail());
    }

    @Test
    void fileOverTheDefaultLimitIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.ipynb");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength((100L << 20) + 1); // sparse: takes no disk space
        }
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> new NotebookReader().read(file));
        assertTrue(e.detail().contains("100.0 MiB (104857601 bytes), over the 100 MiB limit"), e.detail());
    }

    @Test
    void failedLoadsNeverChangeTheFile() throws IOException {
        List<byte[]> badFiles = List.of(
                "{\"nbformat\": 4,".getBytes(StandardCharsets.UTF_8),
                nb45("{\"id\": \"a\", \"cell_type\": \"raw\", \"metadata\": {}, \"source\": 1}").getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', (byte) 0xFF, '}'},
                new byte[0]);
        for (byte[] content : badFiles) {
            Path file = dir.resolve("bad.ipynb");
            Files.write(file, content);
            FileTime past = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(file, past);
            assertThrows(NotebookFormatException.class, () -> new NotebookFiles().load(file));
            assertArrayEquals(content, Files.readAllBytes(file));
            assertEquals(past, Files.getLastModifiedTime(file));
            try (var listing = Files.list(dir)) {
                assertEquals(List.of(file), listing.toList(), "no side files");
            }
        }
    }

    @Test
    void emptyFileSaysItIsEmpty() {
        assertTrue(failure("  \n").detail().contains("empty"));
    }

    @Test
    void topLevelThatIsNotAnObjectIsRefused() {
        assertEquals("top level", failure("[1, 2]").location());
    }

    @Test
    void unknownCellTypeIsRefused() {
        NotebookFormatException e = failure(nb45("{\"id\": \"a\", \"cell_type\": \"heading\", \"metadata\": {}, \"source\": \"\"}"));
        assertEquals("cells[0].cell_type", e.location());
        assertTrue(e.detail().contains("heading"));
    }

    @Test
    void tooOldAndTooNewFormatsAreRefusedPlainly() {
        assertTrue(failure("{\"nbformat\": 1, \"cells\": []}").detail().contains("too old"));
        assertTrue(failure("{\"nbformat\": 5, \"nbformat_minor\": 0, \"cells\": []}").detail().contains("newer"));
        assertTrue(failure("{\"cells\": []}").detail().contains("does not look like a Jupyter notebook"));
    }

    @Test
    void newerMinorVersionIsKeptWithANote() throws IOException {
        LoadResult r = read("{\"nbformat\": 4, \"nbformat_minor\": 7, \"metadata\": {}, \"cells\": []}");
        assertEquals(7, r.notebook().nbformatMinor());
        assertTrue(r.notes().getFirst().contains("newer"));
    }

    @Test
    void transientMetadataIsDroppedOnRead() throws IOException {
        Notebook nb = read("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"signature\": \"sha256:ab\","
                + " \"orig_nbformat\": 3, \"keep\": 1}, \"cells\": [{\"id\": \"a\", \"cell_type\": \"code\","
                + " \"metadata\": {\"trusted\": true, \"tags\": []}, \"source\": \"\", \"outputs\": [], \"execution_count\": null}]}").notebook();
        assertFalse(nb.metadata().has("signature"));
        assertFalse(nb.metadata().has("orig_nbformat"));
        assertTrue(nb.metadata().has("keep"));
        assertFalse(nb.cells().getFirst().metadata().has("trusted"));
    }

    @Test
    void unreadableMachineSpecIsRefusedWithItsPath() {
        NotebookFormatException e = failure("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\":"
                + " {\"pageframe\": {\"machine\": {\"profile\": \"x86_64\", \"memory\": \"12X\"}}}, \"cells\": []}");
        assertEquals("metadata.pageframe.machine.memory", e.location());
        assertTrue(e.detail().contains("12X"));
    }
}
