package dev.pageframe.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookReader;
import dev.pageframe.notebook.NotebookTrust;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebooks in the jar, and the app's trust knowing them. */
class BundledNotebooksTest {

    @Test
    void allReadsEveryNotebookTheBuildBundles() throws Exception {
        long shipped;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            shipped = files.filter(p -> p.toString().endsWith(".ipynb")).count();
        }
        List<Notebook> all = BundledNotebooks.all();
        assertEquals(shipped, all.size());
    }

    @Test
    void theAppsTrustTakesABundledNotebookOpenedByPathAsBundled(@TempDir Path dir) throws Exception {
        String before = System.getProperty(AppEnvironment.CONFIG_DIR_PROPERTY);
        System.setProperty(AppEnvironment.CONFIG_DIR_PROPERTY, dir.resolve("config").toString());
        try {
            AppEnvironment env = AppEnvironment.fromSystem(url -> {});
            Notebook tour;
            try (InputStream in = BundledNotebooks.class.getResourceAsStream("/notebooks/" + BundledNotebooks.TOUR)) {
                tour = new NotebookReader().read(in.readAllBytes(), "tour.ipynb").notebook();
            }
            assertEquals(NotebookTrust.Reason.BUNDLED, env.trust().check(tour).reason());
            env.background().shutdownNow();
        } finally {
            if (before == null) {
                System.clearProperty(AppEnvironment.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(AppEnvironment.CONFIG_DIR_PROPERTY, before);
            }
        }
    }
}
