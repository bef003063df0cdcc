package dev.pageframe.ui.app;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the app asks the user for files; tests replace it, since native choosers cannot be driven. */
public interface FileDialogs {
    /** A notebook to open, or null if the user cancelled. */
    Path chooseNotebookToOpen(Window owner, Path initialDir);

    /** Where to save, or null if the user cancelled. */
    Path chooseSaveLocation(Window owner, String title, String suggestedName, Path initialDir, String extension);

    /** JavaFX's native file choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Path chooseNotebookToOpen(Window owner, Path initialDir) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open Notebook");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Jupyter notebooks", "*.ipynb"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                setDir(chooser, initialDir);
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path chooseSaveLocation(Window owner, String title, String suggestedName, Path initialDir, String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension + " files", "*." + extension));
                setDir(chooser, initialDir);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }

            private void setDir(FileChooser chooser, Path dir) {
                if (dir != null && dir.toFile().isDirectory()) {
                    chooser.setInitialDirectory(dir.toFile());
                }
            }
        };
    }
}
