package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One output of a code cell. Fields this model does not name are kept in {@code extra} so a file
 * round-trips without loss; output types it does not know are kept whole as {@link Unknown}.
 */
public sealed interface Output permits Output.Stream, Output.DisplayData, Output.ExecuteResult,
        Output.ErrorOutput, Output.Unknown {

    /** The {@code output_type} string written to the file. */
    String outputType();

    /** Text written to {@code stdout} or {@code stderr}. */
    record Stream(String name, String text, ObjectNode extra) implements Output {
        /** Copies {@code extra} so later changes to the caller's node do not leak in. */
        public Stream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            extra = Json.copy(extra);
        }

        @Override
        public ObjectNode extra() {
            return extra.deepCopy();
        }

        /** Output printed to standard output. */
        public static Stream stdout(String text) {
            return new Stream("stdout", text, null);
        }

        /** Output printed to standard error. */
        public static Stream stderr(String text) {
            return new Stream("stderr", text, null);
        }

        /** The same stream with more text after it, as consecutive prints merge. */
        public Stream append(String more) {
            return new Stream(name, text + more, extra);
        }

        @Override
        public String outputType() {
            return "stream";
        }
    }

    /** Rich data shown by the code, not its value ({@code display_data}). */
    record DisplayData(MimeBundle data, ObjectNode metadata, ObjectNode extra) implements Output {
        /** Copies the JSON nodes so the record cannot be changed from outside. */
        public DisplayData {
            Objects.requireNonNull(data, "data");
            metadata = Json.copy(metadata);
            extra = Json.copy(extra);
        }

        /** A display of {@code data} with no output metadata. */
        public static DisplayData of(MimeBundle data) {
            return new DisplayData(data, null, null);
        }

        @Override
        public ObjectNode metadata() {
            return metadata.deepCopy();
        }

        @Override
        public ObjectNode extra() {
            return extra.deepCopy();
        }

        @Override
        public String outputType() {
            return "display_data";
        }
    }

    /** The value of a cell's last expression ({@code execute_result}). */
    record ExecuteResult(MimeBundle data, ObjectNode metadata, Integer executionCount, ObjectNode extra)
            implements Output {
        /** Copies the JSON nodes so the record cannot be changed from outside. */
        public ExecuteResult {
            Objects.requireNonNull(data, "data");
            metadata = Json.copy(metadata);
            extra = Json.copy(extra);
        }

        /** A result numbered {@code executionCount} with no output metadata. */
        public static ExecuteResult of(Integer executionCount, MimeBundle data) {
            return new ExecuteResult(data, null, executionCount, null);
        }

        @Override
        public ObjectNode metadata() {
            return metadata.deepCopy();
        }

        @Override
        public ObjectNode extra() {
            return extra.deepCopy();
        }

        @Override
        public String outputType() {
            return "execute_result";
        }
    }

    /** An exception raised by the cell ({@code error}); the traceback stays a list of lines. */
    record ErrorOutput(String ename, String evalue, List<String> traceback, ObjectNode extra) implements Output {
        /** Copies the traceback and extra fields. */
        public ErrorOutput {
            Objects.requireNonNull(ename, "ename");
            Objects.requireNonNull(evalue, "evalue");
            traceback = List.copyOf(traceback);
            extra = Json.copy(extra);
        }

        /** An error with no extra fields. */
        public static ErrorOutput of(String ename, String evalue, List<String> traceback) {
            return new ErrorOutput(ename, evalue, traceback, null);
        }

        @Override
        public ObjectNode extra() {
            return extra.deepCopy();
        }

        @Override
        public String outputType() {
            return "error";
        }
    }

    /** An output type this model does not know, kept exactly as it was in the file. */
    record Unknown(ObjectNode raw) implements Output {
        /** Requires an {@code output_type} string so the output can be named. */
        public Unknown {
            raw = Json.copy(raw);
            if (!raw.path("output_type").isTextual()) {
                throw new IllegalArgumentException("an output needs an output_type string");
            }
        }

        @Override
        public ObjectNode raw() {
            return raw.deepCopy();
        }

        @Override
        public String outputType() {
            return raw.get("output_type").textValue();
        }
    }
}
