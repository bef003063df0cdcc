package dev.pageframe.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs the command line in-process with captured output, as the shell would. */
final class Cli {
    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {}

    private Supplier<Optional<NotebookRunner>> runners = Optional::empty;
    private GuiLauncher gui = args -> false;
    private boolean terminal;

    Cli runner(NotebookRunner runner) {
        this.runners = () -> Optional.of(runner);
        return this;
    }

    Cli runners(Supplier<Optional<NotebookRunner>> runners) {
        this.runners = runners;
        return this;
    }

    Cli gui(GuiLauncher gui) {
        this.gui = gui;
        return this;
    }

    Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        boolean term = terminal;
        CommandLine cl = Main.commandLine(new Main(gui), runners, () -> term);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = cl.execute(strings);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Copies a fixture from src/test/resources/notebook into {@code dir}. */
    static Path fixture(String name, Path dir) throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream("/notebook/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    /** A notebook file whose JSON breaks off on line 4. */
    static Path malformed(Path dir) throws IOException {
        return Files.writeString(dir.resolve("broken.ipynb"), "{\n \"cells\": [\n  {\"cell_type\": \"code\",\n   \"source\": [\n");
    }

    /** A 4.5 notebook whose two cells share an id. */
    static Path duplicateIds(Path dir) throws IOException {
        return Files.writeString(dir.resolve("dupes.ipynb"), """
                {
                 "cells": [
                  {"cell_type": "markdown", "id": "same", "metadata": {}, "source": "# A"},
                  {"cell_type": "markdown", "id": "same", "metadata": {}, "source": "# B"}
                 ],
                 "metadata": {},
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """);
    }

    /** A 4.5 notebook with an id nbformat does not allow (a space in it): invalid, and no reader mends it. */
    static Path badId(Path dir) throws IOException {
        return Files.writeString(dir.resolve("bad-id.ipynb"), """
                {
                 "cells": [
                  {"cell_type": "markdown", "id": "has space", "metadata": {}, "source": "# A"}
                 ],
                 "metadata": {},
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """);
    }
}
