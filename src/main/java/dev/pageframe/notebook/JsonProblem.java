package dev.pageframe.notebook;

/** A problem at one JSON path, thrown inside the package and turned into a NotebookFormatException at the edge. */
final class JsonProblem extends RuntimeException {
    private final String path;
    private final String detail;

    JsonProblem(String path, String detail) {
        super(path.isEmpty() ? detail : path + ": " + detail, null, false, false);
        this.path = path;
        this.detail = detail;
    }

    String path() {
        return path;
    }

    String detail() {
        return detail;
    }
}
