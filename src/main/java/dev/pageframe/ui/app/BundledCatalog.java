package dev.pageframe.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled notebooks in the order the documentation's index teaches them, with the index's names for them: the
 * course's numbered rows first ("00 tour", "01 kmalloc and the GFP flags", ...), then the ones it mentions further
 * on, then any it does not mention, by file name. Reading the one index page keeps the menu cheap to build at start
 * (no notebook is parsed) and keeps a single place, {@code content/index.md}, that says what comes first.
 */
public final class BundledCatalog {
    /** One menu entry: the notebook's file name and the label the index gives it. */
    public record Entry(String name, String label, boolean numbered) {}

    /** A Markdown link to a bundled notebook: {@code [text](../notebooks/name.ipynb)}. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(\\.\\./notebooks/([^)/#]+\\.ipynb)\\)");
    /** A course table row starts with its number: {@code | 03 | [DMA pages](...) |}. */
    private static final Pattern NUMBERED_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|");

    private BundledCatalog() {}

    /** The bundled notebooks of this build, ordered and named by the bundled {@code content/index.md}. */
    public static List<Entry> entries() {
        return order(BundledNotebooks.names(), indexPage());
    }

    /**
     * Orders {@code names} as {@code index} first links to them. A link in a numbered table row is labelled with
     * its number; names the index never links come last, sorted, under their file name.
     */
    static List<Entry> order(List<String> names, String index) {
        Map<String, Entry> linked = new LinkedHashMap<>();
        for (String line : index.split("\n")) {
            Matcher row = NUMBERED_ROW.matcher(line);
            String number = row.find() ? row.group(1) : null;
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String name = link.group(2);
                if (names.contains(name) && !linked.containsKey(name)) {
                    String text = link.group(1).replace("`", "");
                    linked.put(name, new Entry(name, number == null ? text : number + "  " + text, number != null));
                }
            }
        }
        List<Entry> out = new ArrayList<>(linked.values());
        names.stream().filter(n -> !linked.containsKey(n)).sorted().forEach(n -> out.add(new Entry(n, n, false)));
        return List.copyOf(out);
    }

    private static String indexPage() {
        try (InputStream in = BundledCatalog.class.getResourceAsStream("/content/index.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Without the index the menu still lists every notebook, by file name.
            return "";
        }
    }
}
