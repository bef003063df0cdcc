package dev.pageframe.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Drag and drop of notebook files onto the window: each {@code .ipynb} dropped opens in a tab. */
final class NotebookDrop {
    private NotebookDrop() {}

    static void install(MainWindow window, Consumer<Path> open) {
        window.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !notebooks(e.getDragboard().getFiles()).isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        window.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            e.setDropCompleted(e.getDragboard().hasFiles() && drop(e.getDragboard().getFiles(), open) > 0);
            e.consume();
        });
    }

    /** Opens the notebooks among {@code files}; returns how many. */
    static int drop(List<File> files, Consumer<Path> open) {
        List<Path> dropped = notebooks(files);
        dropped.forEach(open);
        return dropped.size();
    }

    /** The notebook files among those dragged (other files are ignored). */
    static List<Path> notebooks(List<File> files) {
        return files.stream().filter(f -> f.isFile() && f.getName().toLowerCase(Locale.ROOT).endsWith(".ipynb"))
                .map(File::toPath).toList();
    }
}
