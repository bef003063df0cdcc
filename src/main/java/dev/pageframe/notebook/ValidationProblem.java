package dev.pageframe.notebook;

/**
 * One way a notebook breaks the nbformat rules.
 *
 * @param path    where, e.g. {@code cells[3].id}; empty for the notebook as a whole
 * @param message what is wrong, in plain words
 */
public record ValidationProblem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
