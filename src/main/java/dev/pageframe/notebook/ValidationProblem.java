package dev.pageframe.notebook;

/**
 * One way a notebook breaks the nbformat rules, or (a warning) something it holds that Pageframe keeps
 * without understanding, such as a cell type from a newer nbformat 4 minor version.
 *
 * @param path    where, e.g. {@code cells[3].id}; empty for the notebook as a whole
 * @param message what is wrong, in plain words
 * @param warning true if the notebook is still valid: nbformat accepts it, and Pageframe keeps it as it is
 */
public record ValidationProblem(String path, String message, boolean warning) {

    /** A problem that makes the notebook invalid. */
    public ValidationProblem(String path, String message) {
        this(path, message, false);
    }

    @Override
    public String toString() {
        String text = path.isEmpty() ? message : path + ": " + message;
        return warning ? "warning: " + text : text;
    }
}
