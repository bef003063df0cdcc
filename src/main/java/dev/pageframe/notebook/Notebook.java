package dev.pageframe.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole notebook (nbformat 4). Immutable: every edit returns a new notebook, which gives the app
 * cheap undo and lets the trust check and the writer see one consistent state.
 *
 * @param nbformat      the major format version, always 4
 * @param nbformatMinor the minor version; 5 for files Pageframe writes or upgrades
 * @param metadata      notebook metadata, kept exactly (kernelspec, language_info, pageframe, ...)
 * @param cells         the cells in order; ids are unique
 * @param extra         unknown top-level fields, written back as they were
 */
public record Notebook(int nbformat, int nbformatMinor, ObjectNode metadata, List<Cell> cells, ObjectNode extra) {

    /** The format version Pageframe writes. */
    public static final int NBFORMAT = 4;
    /** The minor version Pageframe writes. */
    public static final int NBFORMAT_MINOR = 5;

    /** Enforces format 4 and unique cell ids, and takes private copies of mutable parts. */
    public Notebook {
        if (nbformat != NBFORMAT) {
            throw new IllegalArgumentException("only nbformat 4 is modelled, got " + nbformat);
        }
        if (nbformatMinor < 0) {
            throw new IllegalArgumentException("nbformat_minor must not be negative: " + nbformatMinor);
        }
        metadata = Json.copy(metadata);
        extra = Json.copy(extra);
        cells = List.copyOf(cells);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!seen.add(cells.get(i).id())) {
                throw new IllegalArgumentException("cells[" + i + "].id: duplicate id \"" + cells.get(i).id() + "\"");
            }
        }
    }

    /** An nbformat 4.5 notebook with the given metadata and cells. */
    public static Notebook of(ObjectNode metadata, List<Cell> cells) {
        return new Notebook(NBFORMAT, NBFORMAT_MINOR, metadata, cells, null);
    }

    /**
     * A new notebook with no cells, the Pageframe Java kernelspec and language_info, and the default
     * machine written out so the file says what it runs on.
     */
    public static Notebook newEmpty() {
        ObjectNode metadata = Json.object();
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("display_name", "Java (Pageframe)");
        kernelspec.put("language", "java");
        kernelspec.put("name", "pageframe-java");
        metadata.set("language_info", languageInfo());
        MachineSpec.DEFAULT.writeTo(metadata);
        return of(metadata, List.of());
    }

    /**
     * What Pageframe's kernel says of its language, as a Jupyter kernel's {@code kernel_info} reply does: tools read
     * it, e.g. {@code nbconvert --to script} takes the file extension from it.
     */
    private static ObjectNode languageInfo() {
        ObjectNode languageInfo = Json.object();
        languageInfo.put("codemirror_mode", "text/x-java");
        languageInfo.put("file_extension", ".jshell");
        languageInfo.put("mimetype", "text/x-java-source");
        languageInfo.put("name", "java");
        languageInfo.put("pygments_lexer", "java");
        return languageInfo;
    }

    /** This notebook with Pageframe's kernel's {@code language_info}, which a run records as nbclient's does. */
    public Notebook withKernelLanguageInfo() {
        ObjectNode m = metadata.deepCopy();
        m.set("language_info", languageInfo());
        return new Notebook(nbformat, nbformatMinor, m, cells, extra);
    }

    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /**
     * The simulated machine from {@code metadata.pageframe.machine}, or {@link MachineSpec#DEFAULT}.
     *
     * @throws IllegalArgumentException if the metadata holds a machine that cannot be read; the reader
     *                                  refuses such files, so this only happens for hand-built metadata
     */
    public MachineSpec machine() {
        try {
            return MachineSpec.fromMetadata(metadata);
        } catch (JsonProblem p) {
            throw new IllegalArgumentException(p.getMessage(), p);
        }
    }

    /** This notebook running on {@code machine}. */
    public Notebook withMachine(MachineSpec machine) {
        ObjectNode m = metadata.deepCopy();
        machine.writeTo(m);
        return new Notebook(nbformat, nbformatMinor, m, cells, extra);
    }

    /** This notebook with new metadata. */
    public Notebook withMetadata(ObjectNode newMetadata) {
        return new Notebook(nbformat, nbformatMinor, newMetadata, cells, extra);
    }

    /** This notebook with a new list of cells. */
    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(nbformat, nbformatMinor, metadata, newCells, extra);
    }

    /** This notebook with the cell at {@code index} replaced. */
    public Notebook withCell(int index, Cell cell) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.set(index, cell);
        return withCells(copy);
    }

    /** This notebook with the cell of the same id replaced. */
    public Notebook withCell(Cell cell) {
        int index = indexOf(cell.id());
        if (index < 0) {
            throw new IllegalArgumentException("no cell with id \"" + cell.id() + "\"");
        }
        return withCell(index, cell);
    }

    /** This notebook with {@code cell} inserted before position {@code index} (size() appends). */
    public Notebook insertCell(int index, Cell cell) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.add(index, cell);
        return withCells(copy);
    }

    /** This notebook without the cell at {@code index}. */
    public Notebook removeCell(int index) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.remove(index);
        return withCells(copy);
    }

    /** This notebook with the cell at {@code from} moved to position {@code to}. */
    public Notebook moveCell(int from, int to) {
        List<Cell> copy = new ArrayList<>(cells);
        Cell moved = copy.remove(from);
        copy.add(to, moved);
        return withCells(copy);
    }

    /** The position of the cell with {@code id}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The cell with {@code id}, if any. */
    public Optional<Cell> cell(String id) {
        Objects.requireNonNull(id);
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(cells.get(i));
    }
}
