package dev.pageframe.notebook.exercise;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pageframe.notebook.Cell;
import dev.pageframe.notebook.CellType;
import java.util.List;

/** Builds the cells of an exercise as a notebook file stores them, for tests. */
public final class ExerciseCells {
    private ExerciseCells() {}

    /** The Markdown task of exercise {@code id}, with {@code hints}. */
    public static Cell task(String cellId, String id, String text, String... hints) {
        ObjectNode data = data(ExercisePart.TASK, id);
        var list = data.withObject("/pageframe").withObject("/exercise").putArray("hints");
        for (String h : hints) {
            list.add(h);
        }
        return new Cell(cellId, CellType.MARKDOWN, data, text, null, List.of(), null, null);
    }

    /** The answer cell of exercise {@code id}: the learner's text and the reference solution. */
    public static Cell answer(String cellId, String id, String source, String solution) {
        ObjectNode data = data(ExercisePart.ANSWER, id);
        data.withObject("/pageframe").withObject("/exercise").put("solution", solution);
        return new Cell(cellId, CellType.CODE, data, source, null, List.of(), null, null);
    }

    /** The check cell of exercise {@code id}. */
    public static Cell check(String cellId, String id, String source) {
        return new Cell(cellId, CellType.CODE, data(ExercisePart.CHECK, id), source, null, List.of(), null, null);
    }

    private static ObjectNode data(ExercisePart part, String id) {
        ObjectNode md = JsonNodeFactory.instance.objectNode();
        md.putArray("tags").add(part.tag());
        md.putObject("pageframe").putObject("exercise").put("id", id);
        return md;
    }
}
