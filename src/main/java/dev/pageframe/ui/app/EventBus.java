package dev.pageframe.ui.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A tiny publish/subscribe bus, so panes talk through events rather than holding each other (the
 * AtlantaFX sampler's pattern). Handlers run on the publishing thread, which is the FX thread here.
 */
public final class EventBus {
    private final Map<Class<?>, List<Consumer<Object>>> handlers = new ConcurrentHashMap<>();

    /** Calls {@code handler} for every event of {@code type} (or a subtype) published from now on. */
    public <T> void subscribe(Class<T> type, Consumer<? super T> handler) {
        handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(e -> handler.accept(type.cast(e)));
    }

    public void publish(Object event) {
        handlers.forEach((type, list) -> {
            if (type.isInstance(event)) {
                list.forEach(h -> h.accept(event));
            }
        });
    }

    /** Show the documentation page of a kernel API name. */
    public record OpenApiDocs(String name) {}

    /** Show a documentation page by its path under content/, or follow a link given relative to content/. */
    public record OpenDocsPage(String href) {}

    /** Open a notebook a link points at; {@code baseDir} is where the linking notebook lives (may be null). */
    public record OpenNotebookLink(String href, java.nio.file.Path baseDir) {}

    /** A short message for the status bar. */
    public record StatusMessage(String text) {}
}
