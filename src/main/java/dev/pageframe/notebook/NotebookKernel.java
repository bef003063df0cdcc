package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The kernel a notebook was written for, from {@code metadata.kernelspec} (and {@code language_info}),
 * and whether it is Pageframe's: cells of another language (a Python notebook) cannot run here.
 *
 * @param name        the kernelspec name, e.g. {@code python3}; empty when the notebook has no kernelspec
 * @param displayName the kernelspec's display name, e.g. {@code Python 3}; may be empty
 * @param language    the cells' language, e.g. {@code python}; empty when the notebook does not say
 */
public record NotebookKernel(String name, String displayName, String language) {
    /** The kernelspec name Pageframe writes. */
    public static final String PAGEFRAME = "pageframe-java";

    /** The kernel {@code notebook} names. */
    public static NotebookKernel of(Notebook notebook) {
        ObjectNode md = notebook.metadata();
        JsonNode spec = md.path("kernelspec");
        String language = text(spec.path("language"));
        if (language.isEmpty()) {
            language = text(md.path("language_info").path("name"));
        }
        return new NotebookKernel(text(spec.path("name")), text(spec.path("display_name")), language);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue().strip() : "";
    }

    /**
     * True if Pageframe can run the cells: Pageframe's kernelspec, any Java kernel, or a notebook that names
     * neither a kernel nor a language. A file with no kernelspec but {@code language_info} of another language (some
     * tools strip the kernelspec, or save before a kernel is chosen) is that language's, not ours.
     */
    public boolean isOurs() {
        return name.equals(PAGEFRAME) || language.toLowerCase(Locale.ROOT).equals("java")
                || name.isEmpty() && language.isEmpty();
    }

    /** The kernel in words for a message, e.g. {@code the Python 3 kernel "python3" (language python)}. */
    public String describe() {
        if (name.isEmpty()) {
            return "the language " + language + " (its metadata names no kernel)";
        }
        StringBuilder sb = new StringBuilder("the ");
        sb.append(displayName.isEmpty() ? "" : displayName + " ").append("kernel \"").append(name).append('"');
        if (!language.isEmpty()) {
            sb.append(" (language ").append(language).append(')');
        }
        return sb.toString();
    }
}
