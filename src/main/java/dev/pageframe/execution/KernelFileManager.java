package dev.pageframe.execution;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The kernel JShell's file manager: the standard one, without two kinds of re-indexing that JShell
 * triggers and a kernel never needs.
 *
 * <p>The first {@code sourceCodeAnalysis()} of a JShell starts a background thread indexing every
 * class of the JDK and the class path, for completion suggestions; the kernel's JShell is asked only
 * where a cell's snippets end (completion has its own {@link AnalysisShell}), so in a headless run
 * that thread was pure cost: 0.3 s of CPU, competing with the cells for the cores. JShell reads the
 * paths to index with {@code getLocationAsPaths} only; javac compiles through JShell's own file
 * manager, which lists and reads through this one as before.
 *
 * <p>JShell gives every javac task it runs (four or five per snippet) the session's class path as an
 * option, and javac's task set-up passes its multi-release setting too. The standard file manager
 * drops its index of the class path's directories whenever one of these options is handled, even
 * with the value it already has, so the next lookup of a package re-reads the directory list of
 * every jar (the application jar alone has some 9,000 entries). Here an option whose value has not
 * changed is taken without being passed on; a new value (JShell's {@code addToClasspath}) still is.
 */
final class KernelFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    /** The file-manager options whose handling clears the standard manager's class-path index, by one name each. */
    private static final Map<String, String> INDEX_CLEARING_OPTIONS = Map.of(
        "--class-path", "--class-path", "-classpath", "--class-path", "-cp", "--class-path",
        "--multi-release", "--multi-release");

    /** Each index-clearing option's value as last passed on. */
    private final Map<String, String> handled = new HashMap<>();

    KernelFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        String option = INDEX_CLEARING_OPTIONS.get(current);
        if (option == null || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String value = remaining.next();
        if (value.equals(handled.get(option))) {
            return true;
        }
        boolean taken = super.handleOption(current, List.of(value).iterator());
        if (taken) {
            handled.put(option, value);
        }
        return taken;
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return List.of();
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        handled.clear(); // a location set another way: the next option is news again
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        handled.clear();
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        handled.clear();
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Path asPath(javax.tools.FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
