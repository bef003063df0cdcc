package dev.pageframe.execution;

/** The two standard streams a cell can write to, with their Jupyter names. */
public enum StreamName {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String jupyterName;

    StreamName(String jupyterName) {
        this.jupyterName = jupyterName;
    }

    /** The {@code name} field of a Jupyter stream output. */
    public String jupyterName() {
        return jupyterName;
    }
}
