package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds random but valid notebooks full of the text and numbers that trip writers up. */
final class NotebookGenerator {
    private static final String[] PIECES = {
        "a", "Zone", " ", "order", "0", "\n", "\r", "\r\n", "\u000b", "\u000c", "\u001c", "\u001d", "\u001e",
        "\u0085", "\u2028", "\u2029", "\t", "\"", "\\", "/", "</script>", "<", "&", "\u0000", "\u0001", "\u001f",
        "\u007f", "é", "日本", "😀", "\uD834\uDD1E", "\uE000", "\uFFFF", "—", "\b",
    };
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NotebookGenerator() {}

    static String text(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    static JsonNode value(Random rnd, int depth) {
        return switch (rnd.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> F.textNode(text(rnd));
            case 1 -> F.numberNode(rnd.nextLong() >> rnd.nextInt(64));
            case 2 -> {
                double d;
                do {
                    d = rnd.nextBoolean() ? Double.longBitsToDouble(rnd.nextLong())
                            : rnd.nextDouble() * Math.pow(10, rnd.nextInt(60) - 30);
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield F.numberNode(d);
            }
            case 3 -> F.booleanNode(rnd.nextBoolean());
            case 4 -> F.nullNode();
            case 5 -> F.textNode("");
            case 6 -> {
                var a = F.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(value(rnd, depth + 1));
                }
                yield a;
            }
            default -> object(rnd, depth + 1);
        };
    }

    static ObjectNode object(Random rnd, int depth) {
        ObjectNode o = F.objectNode();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            o.set("x-" + text(rnd), value(rnd, depth + 1));
        }
        return o;
    }

    static MimeBundle bundle(Random rnd) {
        MimeBundle b = MimeBundle.plain(text(rnd));
        if (rnd.nextBoolean()) {
            b = b.with("text/html", "<p>" + text(rnd) + "</p>\n" + text(rnd));
        }
        if (rnd.nextBoolean()) {
            b = b.with("image/png", "iVBORw0KGgo=");
        }
        if (rnd.nextBoolean()) {
            b = b.with("image/svg+xml", "<svg>\n" + text(rnd) + "\n</svg>\n");
        }
        if (rnd.nextBoolean()) {
            b = b.withJson("application/json", value(rnd, 0));
        }
        return b;
    }

    static Notebook random(Random rnd) {
        ObjectNode metadata = object(rnd, 0);
        metadata.put("\uE000", 1);
        metadata.put("😀", 2);
        Notebook nb = Notebook.newEmpty().withMetadata(Notebook.newEmpty().metadata().setAll(metadata));
        List<Cell> cells = new ArrayList<>();
        for (int i = rnd.nextInt(6); i >= 0; i--) {
            Cell c = switch (rnd.nextInt(3)) {
                case 0 -> Cell.markdown(text(rnd));
                case 1 -> Cell.raw(text(rnd));
                default -> Cell.code(text(rnd));
            };
            c = c.withMetadata(object(rnd, 0));
            if (c.type() == CellType.CODE && rnd.nextBoolean()) {
                int count = rnd.nextInt(100);
                c = c.withExecutionCount(count).withOutputs(List.of(
                        Output.Stream.stdout(text(rnd)),
                        Output.Stream.stderr(text(rnd)),
                        new Output.DisplayData(bundle(rnd), object(rnd, 0), null),
                        Output.ExecuteResult.of(count, bundle(rnd)),
                        Output.ErrorOutput.of("E" + count, text(rnd), List.of(text(rnd), text(rnd)))));
            }
            if (c.type() == CellType.MARKDOWN && rnd.nextBoolean()) {
                c = c.withAttachments(java.util.Map.of("a.png", bundle(rnd)));
            }
            cells.add(c);
        }
        return nb.withCells(cells);
    }
}
