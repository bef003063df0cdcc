package dev.pageframe.notebook;

/**
 * One way a notebook breaks the nbformat rules, or (a warning) something it holds that Pageframe keeps
 * without understanding, such as a cell type from a newer nbformat 4 minor version.
 *
 * @param path    where, e.g. {@code cells[3].id}; empty for the notebook as a whole
 * @param message what is wrong, in plain words
 * @param warning    true if the notebook is still valid: nbformat accepts it, and Pageframe keeps it as it is
 * @param repairable true for a problem the reader mends as Jupyter's does (a missing or repeated cell id gets a new
 *                   one): the file is invalid, but opening or running it gives a valid notebook
 */
public record ValidationProblem(String path, String message, boolean warning, boolean repairable) {

    /** A problem that makes the notebook invalid. */
    public ValidationProblem(String path, String message) {
        this(path, message, false, false);
    }

    /** A problem, or with {@code warning} a remark that leaves the notebook valid. */
    public ValidationProblem(String path, String message, boolean warning) {
        this(path, message, warning, false);
    }

    @Override
    public String toString() {
        String text = path.isEmpty() ? message : path + ": " + message;
        return warning ? "warning: " + text : text;
    }
}
