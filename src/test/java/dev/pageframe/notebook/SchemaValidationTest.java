package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks what Pageframe writes against the official nbformat 4.5 schema, read from the python3-nbformat
 * installation (never copied into the repo), and checks that NotebookValidator agrees with the schema.
 */
class SchemaValidationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadOfficialSchema() throws IOException {
        assertTrue(Files.isRegularFile(Fixtures.SCHEMA_4_5),
                "the official schema is missing: install python3-nbformat (.ci/run does)");
        JsonNode schemaJson = MAPPER.readTree(Fixtures.SCHEMA_4_5.toFile());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaJson);
    }

    private static List<Error> schemaErrors(JsonNode json) {
        return schema.validate(json);
    }

    private static JsonNode written(Notebook nb) throws IOException {
        // Parse the written text, not the tree, so the check covers exactly the bytes on disk.
        return NotebookJson.parse(NotebookWriter.toJson(nb), "written", new ArrayList<>());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rich.ipynb", "floats.ipynb", "empty.ipynb", "v4.4-legacy.ipynb", "v3-legacy.ipynb",
        "v4.4-legacy.upgraded.ipynb", "v3-legacy.upgraded.ipynb"})
    void everyNotebookPageframeSavesValidatesAgainstTheOfficialSchema(String fixture) throws IOException {
        JsonNode json = written(Fixtures.load(fixture));
        assertEquals(List.of(), schemaErrors(json));
        assertEquals(List.of(), NotebookValidator.validate(json));
    }

    @Test
    void newAndGeneratedNotebooksValidateAgainstTheOfficialSchema() throws IOException {
        assertEquals(List.of(), schemaErrors(written(Notebook.newEmpty())));
        Random rnd = new Random(7);
        for (int i = 0; i < 100; i++) {
            Notebook nb = NotebookGenerator.random(rnd);
            JsonNode json = written(nb);
            assertEquals(List.of(), schemaErrors(json), NotebookWriter.toJson(nb));
            assertEquals(List.of(), NotebookValidator.validate(nb));
        }
    }

    @Test
    void unknownOutputTypesAndFieldsAreKeptButBothCheckersFlagThem() throws IOException {
        JsonNode json = written(Fixtures.load("unknown-fields.ipynb"));
        assertFalse(schemaErrors(json).isEmpty());
        List<String> paths = NotebookValidator.validate(json).stream().map(ValidationProblem::path).toList();
        assertEquals(List.of("x-top-level-extra", "cells[0].x-cell-extra", "cells[0].outputs[0].output_type",
                "cells[0].outputs[1].x-output-extra"), paths);
    }

    /** Each breaks one rule of the 4.5 schema; the schema and NotebookValidator must both object. */
    private static final Map<String, Consumer<ObjectNode>> BREAKAGES = Map.ofEntries(
            Map.entry("missing id", nb -> cell(nb, 0).remove("id")),
            Map.entry("id with a space", nb -> cell(nb, 0).put("id", "a b")),
            Map.entry("empty id", nb -> cell(nb, 0).put("id", "")),
            Map.entry("65-character id", nb -> cell(nb, 0).put("id", "x".repeat(65))),
            Map.entry("numeric id", nb -> cell(nb, 0).put("id", 5)),
            Map.entry("string execution count", nb -> code(nb).put("execution_count", "1")),
            Map.entry("negative execution count", nb -> code(nb).put("execution_count", -1)),
            Map.entry("missing execution count", nb -> code(nb).remove("execution_count")),
            Map.entry("missing outputs", nb -> code(nb).remove("outputs")),
            Map.entry("missing source", nb -> cell(nb, 0).remove("source")),
            Map.entry("numeric source", nb -> cell(nb, 0).put("source", 1)),
            Map.entry("list source with a number", nb -> cell(nb, 0).putArray("source").add("a").add(2)),
            Map.entry("missing cell metadata", nb -> cell(nb, 0).remove("metadata")),
            Map.entry("unknown cell type", nb -> cell(nb, 0).put("cell_type", "heading")),
            Map.entry("outputs on markdown", nb -> markdown(nb).putArray("outputs")),
            Map.entry("attachments on code", nb -> code(nb).putObject("attachments")),
            Map.entry("stream without name", nb -> output(nb, "stream").remove("name")),
            Map.entry("stream text number", nb -> output(nb, "stream").put("text", 3)),
            Map.entry("display_data without metadata", nb -> output(nb, "display_data").remove("metadata")),
            Map.entry("mime text number", nb -> ((ObjectNode) output(nb, "display_data").get("data")).put("text/plain", 3)),
            Map.entry("execute_result without count", nb -> output(nb, "execute_result").remove("execution_count")),
            Map.entry("error traceback string", nb -> output(nb, "error").put("traceback", "tb")),
            Map.entry("error without ename", nb -> output(nb, "error").remove("ename")),
            Map.entry("unknown output type", nb -> output(nb, "stream").put("output_type", "x-new")),
            Map.entry("extra output field", nb -> output(nb, "error").put("extra", 1)),
            Map.entry("extra top-level field", nb -> nb.put("extra", 1)),
            Map.entry("nbformat 3", nb -> nb.put("nbformat", 3)),
            Map.entry("fractional minor", nb -> nb.put("nbformat_minor", 5.5)),
            Map.entry("minor 4 with ids", nb -> nb.put("nbformat_minor", 4)),
            Map.entry("kernelspec without name", nb -> ((ObjectNode) nb.get("metadata").get("kernelspec")).remove("name")),
            Map.entry("language_info without name", nb -> ((ObjectNode) nb.get("metadata").get("language_info")).remove("name")),
            Map.entry("collapsed not boolean", nb -> ((ObjectNode) code(nb).get("metadata")).put("collapsed", "yes")),
            Map.entry("scrolled maybe", nb -> ((ObjectNode) code(nb).get("metadata")).put("scrolled", "maybe")),
            Map.entry("tag with comma", nb -> ((ObjectNode) code(nb).get("metadata")).putArray("tags").add("a,b")),
            Map.entry("repeated tag", nb -> ((ObjectNode) code(nb).get("metadata")).putArray("tags").add("a").add("a")),
            Map.entry("execution time not string", nb -> ((ObjectNode) code(nb).get("metadata")).putObject("execution").put("shell.execute_reply", 1)),
            Map.entry("raw format not string", nb -> ((ObjectNode) raw(nb).get("metadata")).put("format", 1)),
            Map.entry("attachment not a bundle", nb -> markdown(nb).putObject("attachments").put("a.png", "x")),
            Map.entry("cells not a list", nb -> nb.putObject("cells")));

    @Test
    void validatorAndOfficialSchemaAgreeOnBrokenNotebooks() throws IOException {
        JsonNode base = written(Fixtures.load("rich.ipynb"));
        assertEquals(List.of(), schemaErrors(base));
        List<String> disagreements = new ArrayList<>();
        BREAKAGES.forEach((name, breakage) -> {
            ObjectNode broken = base.deepCopy();
            breakage.accept(broken);
            boolean schemaObjects = !schemaErrors(broken).isEmpty();
            boolean validatorObjects = !NotebookValidator.validate(broken).isEmpty();
            if (!schemaObjects || !validatorObjects) {
                disagreements.add(name + ": schema " + schemaObjects + ", validator " + validatorObjects);
            }
        });
        assertEquals(List.of(), disagreements);
    }

    @Test
    void duplicateIdsPassTheSchemaButNotTheValidator() throws IOException {
        ObjectNode json = (ObjectNode) written(Fixtures.load("rich.ipynb"));
        cell(json, 1).put("id", cell(json, 0).get("id").textValue());
        assertEquals(List.of(), schemaErrors(json), "a schema cannot express uniqueness across cells");
        assertEquals(List.of(new ValidationProblem("cells[1].id", "duplicate id \"intro-markdown\" (also used by cells[0])",
                        false, true)), NotebookValidator.validate(json), "invalid, and mended by the reader");
    }

    private static ObjectNode cell(ObjectNode nb, int i) {
        return (ObjectNode) nb.get("cells").get(i);
    }

    private static ObjectNode ofType(ObjectNode nb, String type) {
        for (JsonNode c : nb.get("cells")) {
            if (c.get("cell_type").textValue().equals(type)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no " + type + " cell");
    }

    private static ObjectNode code(ObjectNode nb) {
        return ofType(nb, "code");
    }

    private static ObjectNode markdown(ObjectNode nb) {
        return ofType(nb, "markdown");
    }

    private static ObjectNode raw(ObjectNode nb) {
        return ofType(nb, "raw");
    }

    private static ObjectNode output(ObjectNode nb, String type) {
        for (JsonNode c : nb.get("cells")) {
            if (c.has("outputs")) {
                for (JsonNode o : (ArrayNode) c.get("outputs")) {
                    if (o.get("output_type").textValue().equals(type)) {
                        return (ObjectNode) o;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " output");
    }
}
