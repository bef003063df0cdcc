package dev.pageframe.ui.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pageframe's documentation pages (the Markdown files under {@code content/}): the concept pages, and one
 * API page per kernel function in {@code api/<name>.md}, whose first paragraph is its one-sentence summary.
 * Immutable once loaded; safe to share between threads.
 */
public final class DocsLibrary {
    /** Overrides where the pages are read from. */
    public static final String CONTENT_DIR_PROPERTY = "pageframe.content.dir";

    /**
     * One page.
     *
     * @param path     its path under content/, with forward slashes, e.g. {@code api/kmalloc.md}
     * @param title    the text of its first heading
     * @param markdown the whole page
     * @param summary  its first paragraph as plain text
     */
    public record Page(String path, String title, String markdown, String summary) {
        /** True for pages under {@code api/}. */
        public boolean isApi() {
            return path.startsWith("api/");
        }
    }

    /** A search result with a bit of text around the first match. */
    public record Hit(Page page, String snippet, int score) {}

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    /** Strong emphasis, code marks and inline HTML; single '*' and '_' stay, since kernel names are full of '_'. */
    /** Each page's {@link #readable} text, made on its first search. */
    private final Map<String, String> readable = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern MARKS = Pattern.compile("(\\*\\*|`|<sup>|</sup>|<sub>|</sub>)");

    /** A name defined in a table row of a concept page, e.g. {@code GFP_KERNEL} in the GFP flags page. */
    private record Definition(Page page, String meaning) {}

    private final Map<String, Page> pages;
    private final Map<String, Definition> definitions;
    private final String origin;
    /** The folder the pages were read from (perhaps inside the jar), or null. */
    private final Path root;

    private DocsLibrary(Map<String, Page> pages, String origin, Path root) {
        this.pages = pages;
        this.origin = origin;
        this.root = root;
        this.definitions = definitions(pages);
    }

    /**
     * Names that concept pages define in tables whose first column is the name in code marks and whose last
     * column says what it means ({@code | `GFP_KERNEL` | `0xcc0` | Ordinary kernel code ... |}).
     */
    private static Map<String, Definition> definitions(Map<String, Page> pages) {
        Map<String, Definition> out = new LinkedHashMap<>();
        List<Page> ordered = new ArrayList<>(pages.values());
        ordered.sort(Comparator.comparing(Page::path));
        for (Page p : ordered) {
            if (p.isApi()) {
                continue;
            }
            for (String line : p.markdown().split("\n")) {
                String t = line.strip();
                if (!t.startsWith("|") || !t.endsWith("|")) {
                    continue;
                }
                String[] cells = t.substring(1, t.length() - 1).split("(?<!\\\\)\\|");
                if (cells.length < 2) {
                    continue;
                }
                String first = cells[0].strip();
                if (first.length() > 2 && first.startsWith("`") && first.endsWith("`")) {
                    String name = first.substring(1, first.length() - 1);
                    String meaning = plain(cells[cells.length - 1].strip().replace("\\|", "|"));
                    if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !meaning.isBlank()) {
                        out.putIfAbsent(name, new Definition(p, meaning));
                    }
                }
            }
        }
        return Map.copyOf(out);
    }

    /** A library with no pages. */
    public static DocsLibrary empty() {
        return new DocsLibrary(Map.of(), "none", null);
    }

    /**
     * Finds the pages: the directory named by {@value #CONTENT_DIR_PROPERTY}, else {@code content/} in the
     * working directory (running from source), else {@code /content} on the class path (the jar).
     */
    public static DocsLibrary locate() {
        String configured = System.getProperty(CONTENT_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return fromDirectory(Path.of(configured));
        }
        Path local = Path.of("content");
        if (Files.isRegularFile(local.resolve("index.md"))) {
            return fromDirectory(local);
        }
        return fromClasspath();
    }

    /** The pages in {@code dir} and its subdirectories. */
    public static DocsLibrary fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return empty();
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return empty();
        }
        return new DocsLibrary(read(real), real.toString(), real);
    }

    /** The pages packaged under {@code /content} on the class path. */
    public static DocsLibrary fromClasspath() {
        URL index = DocsLibrary.class.getResource("/content/index.md");
        if (index == null) {
            return empty();
        }
        try {
            URI uri = index.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                Path content = fs.getPath("/content");
                return new DocsLibrary(read(content), uri.toString(), content);
            }
            return fromDirectory(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            return empty();
        }
    }

    private static Map<String, Page> read(Path dir) {
        Map<String, Page> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> md = files.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
            for (Path p : md) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.put(rel, page(rel, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    /** Builds a page from its text (visible for tests). */
    static Page page(String path, String markdown) {
        String title = null;
        StringBuilder summary = new StringBuilder();
        boolean inFence = false;
        boolean collecting = false;
        for (String line : markdown.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
                if (collecting) {
                    break;
                }
                continue;
            }
            if (inFence) {
                continue;
            }
            if (t.startsWith("#")) {
                if (title == null) {
                    title = t.replaceFirst("^#+\\s*", "").strip();
                    continue;
                }
                if (collecting) {
                    break;
                }
                continue;
            }
            if (t.isEmpty()) {
                if (collecting) {
                    break;
                }
                continue;
            }
            if (t.startsWith("|") || t.startsWith("<!--")) {
                if (collecting) {
                    break;
                }
                continue;
            }
            collecting = true;
            if (!summary.isEmpty()) {
                summary.append(' ');
            }
            summary.append(t);
        }
        if (title == null) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            title = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        }
        return new Page(path, plain(title), markdown, plain(summary.toString()));
    }

    /** Markdown inline syntax removed: links become their text, emphasis and code marks go. */
    static String plain(String markdown) {
        Matcher m = LINK.matcher(markdown);
        String s = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        // Single-star emphasis too (*word*), but not a star that stands for itself (2 * 3).
        return MARKS.matcher(s).replaceAll("").replaceAll("(?<![\\w*])\\*(?=[^\\s*])|(?<=[^\\s*])\\*(?![\\w*])", "").strip();
    }

    /** Where the pages came from, for messages. */
    public String origin() {
        return origin;
    }

    /** The folder holding a page's file, against which its relative image paths resolve; empty if not known. */
    public Optional<Path> folderOf(Page page) {
        if (root == null || !pages.containsKey(page.path())) {
            return Optional.empty();
        }
        return Optional.ofNullable(root.resolve(page.path()).getParent());
    }

    public boolean isEmpty() {
        return pages.isEmpty();
    }

    /** All pages: the index first, then concept pages, then API pages, each by title. */
    public List<Page> pages() {
        List<Page> list = new ArrayList<>(pages.values());
        list.sort(Comparator.comparingInt((Page p) -> p.path().equals("index.md") ? 0 : p.isApi() ? 2 : 1)
                .thenComparing(p -> p.title().toLowerCase(Locale.ROOT)));
        return list;
    }

    public Optional<Page> page(String path) {
        return Optional.ofNullable(pages.get(path));
    }

    /** The page of the start of the docs. */
    public Optional<Page> home() {
        return page("index.md").or(() -> pages().stream().findFirst());
    }

    /**
     * The page for a kernel API name: {@code api/<name>.md}; GFP flags without their own page go to the GFP
     * flags concept page.
     */
    public Optional<Page> apiPage(String name) {
        Optional<Page> own = page("api/" + name + ".md").or(() -> page("api/" + name.toLowerCase(Locale.ROOT) + ".md"));
        if (own.isPresent()) {
            return own;
        }
        Definition d = definitions.get(name);
        if (d != null) {
            return Optional.of(d.page());
        }
        if (name.contains("GFP_")) {
            return page("api/gfp-flags.md").or(() -> page("gfp-flags.md"));
        }
        return Optional.empty();
    }

    /**
     * The one-sentence summary of an API name: the first paragraph of its own page, else what a concept page's
     * table says it means (GFP flags have rows, not pages).
     */
    public Optional<String> summary(String name) {
        return page("api/" + name + ".md").or(() -> page("api/" + name.toLowerCase(Locale.ROOT) + ".md"))
                .map(Page::summary).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(definitions.get(name)).map(Definition::meaning));
    }

    /**
     * The page a link on page {@code from} points at ({@code ../kmalloc.md}, {@code api/kfree.md#see-also},
     * {@code content/x.md}), if it is one of ours.
     */
    public Optional<Page> resolve(String from, String href) {
        String target = href;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            target = target.substring(0, hash);
        }
        if (target.isEmpty()) {
            return page(from);
        }
        String base = from == null || !from.contains("/") ? "" : from.substring(0, from.lastIndexOf('/') + 1);
        String joined = normalize(base + target);
        Optional<Page> p = page(joined);
        if (p.isPresent()) {
            return p;
        }
        // Links written from outside content/ (a notebook's "../content/x.md") still land.
        int at = target.lastIndexOf("content/");
        if (at >= 0) {
            return page(normalize(target.substring(at + "content/".length())));
        }
        return page(normalize(target));
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** Pages containing every word of {@code query}, best first (title matches count most). */
    public List<Hit> search(String query) {
        List<String> words = Stream.of(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Page p : pages.values()) {
            String title = p.title().toLowerCase(Locale.ROOT);
            String text = readable.computeIfAbsent(p.path(), k -> readable(p.markdown()));
            String body = text.toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                int inBody = count(body, w);
                boolean inTitle = title.contains(w);
                if (inBody == 0 && !inTitle) {
                    all = false;
                    break;
                }
                score += Math.min(inBody, 20) + (inTitle ? 50 : 0) + (title.equals(w) ? 100 : 0);
            }
            if (all) {
                hits.add(new Hit(p, snippet(text, words.getFirst()), score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.page().title()));
        return hits;
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    /**
     * A page's text as a reader sees it, on one line: what search counts and quotes. Link targets, heading marks,
     * emphasis and table rules are not words of the page.
     */
    static String readable(String markdown) {
        String s = markdown.replaceAll("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$", " ")
                .replaceAll("(?m)^#+\\s*", "")
                .replaceAll("(?m)^\\s*(```|~~~).*$", " ")
                .replace('|', ' ');
        return plain(s.replaceAll("\\s+", " "));
    }

    private static String snippet(String flat, String word) {
        int i = flat.toLowerCase(Locale.ROOT).indexOf(word);
        if (i < 0) {
            return flat.substring(0, Math.min(140, flat.length()));
        }
        int start = Math.max(0, i - 60);
        int end = Math.min(flat.length(), i + word.length() + 80);
        return (start > 0 ? "\u2026" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "\u2026" : "");
    }
}
