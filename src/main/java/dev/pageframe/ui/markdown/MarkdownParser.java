package dev.pageframe.ui.markdown;

import dev.pageframe.notebook.html.MathSpans;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * The one CommonMark parser (with GFM tables, strikethrough and task lists) the views share; commonmark parsers are thread-safe. TeX in {@code $...$}
 * shows as written ({@link MathSpans}), as in the exported page.
 */
final class MarkdownParser {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    TaskListItemsExtension.create())).build();

    private MarkdownParser() {}

    static Node parse(String markdown) {
        return PARSER.parse(MathSpans.protect(markdown));
    }
}
