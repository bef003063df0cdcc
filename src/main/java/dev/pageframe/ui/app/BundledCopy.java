package dev.pageframe.ui.app;

import dev.pageframe.ui.notebook.CellModel;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A notebook that ships with Pageframe opens read-only: its tab is marked, a banner says so, and the first edit
 * offers to save a copy in the user's Pageframe documents folder. The bundled file itself is never written (it
 * lives in the app and the tab has no file until a copy is saved); once a copy is saved the marks go.
 */
final class BundledCopy {
    private final NotebookTab tab;
    private final FileCommands files;
    private final Label mark = new Label("read-only");
    private HBox banner;
    /** Where the learner's saved copy is, when they have one. */
    private HBox yourCopy;
    private boolean offered;
    private final ChangeListener<Object> edited = (obs, was, now) -> firstEdit();
    private final ListChangeListener<CellModel> reordered = change -> firstEdit();

    private BundledCopy(NotebookTab tab, FileCommands files) {
        this.tab = tab;
        this.files = files;
    }

    /** Marks {@code tab} read-only if it shows a bundled notebook that has no file of its own yet. */
    static void guard(NotebookTab tab, FileCommands files) {
        NotebookDocument doc = tab.document();
        if (doc.file() == null && BundledNotebooks.isBundled(doc.untitledNameProperty().get())) {
            new BundledCopy(tab, files).install();
        }
    }

    /** True if {@code tab} shows a bundled notebook not saved as a copy yet. */
    static boolean isMarked(NotebookTab tab) {
        return tab.getGraphic() != null && "bundled-mark".equals(tab.getGraphic().getId());
    }

    /**
     * True if {@code tab} shows a bundled notebook whose cells were only run, never edited: its outputs changed, but
     * the banner says to run its cells freely, and there is nothing of the user's to save when it closes.
     */
    static boolean onlyRun(NotebookTab tab) {
        return isMarked(tab) && tab.getProperties().get(BundledCopy.class) instanceof BundledCopy guard && !guard.offered;
    }

    private void install() {
        tab.getProperties().put(BundledCopy.class, this);
        NotebookDocument doc = tab.document();
        mark.getStyleClass().add("read-only-mark");
        mark.setId("bundled-mark");
        mark.setTooltip(new Tooltip("Ships with Pageframe and is never changed; save a copy to keep your edits"));
        tab.setGraphic(mark);
        Button save = new Button("Save a Copy");
        save.setId("bundled-save-copy");
        save.setOnAction(e -> saveCopy());
        banner = tab.addNotice("This notebook ships with Pageframe and is read-only. Run its cells freely; to keep "
                + "changes, save a copy in your Pageframe documents folder.", save);
        banner.setId("bundled-banner");
        files.copyOf(doc.untitledNameProperty().get()).ifPresent(copy -> {
            Button open = new Button("Open My Copy");
            open.setId("bundled-open-copy");
            open.setOnAction(e -> files.open(copy));
            yourCopy = tab.addNotice("Your saved copy, with your edits and answers, is " + shown(copy) + ".", open);
            yourCopy.setId("bundled-your-copy");
        });
        for (CellModel c : doc.cells()) {
            c.sourceProperty().addListener(edited);
        }
        doc.cells().addListener(reordered);
        doc.fileProperty().addListener((obs, was, now) -> {
            if (now != null) {
                release();
            }
        });
    }

    /** The copy's path as a learner writes it: under their home folder as {@code ~/...}. */
    static String shown(Path copy) {
        Path home = dev.pageframe.notebook.UserHome.current();
        return copy.startsWith(home) ? "~/" + home.relativize(copy).toString().replace('\\', '/') : copy.toString();
    }

    private void firstEdit() {
        if (offered || tab.document().file() != null) {
            return;
        }
        offered = true;
        // After the keystroke that caused it is handled, not inside the editor's change event.
        Platform.runLater(() -> {
            ButtonType copy = new ButtonType("Save a Copy", ButtonBar.ButtonData.OK_DONE);
            ButtonType later = new ButtonType("Not Now", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert a = new Alert(Alert.AlertType.INFORMATION, "", copy, later);
            a.initOwner(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow());
            AppDialogs.zoomed(a, tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow());
            a.setTitle("Save a copy?");
            a.setHeaderText(tab.document().untitledNameProperty().get() + " ships with Pageframe and is read-only");
            a.setContentText("Save a copy in your Pageframe documents folder to keep your changes. Until then they"
                    + " live only in this window.");
            a.getDialogPane().setId("bundled-copy-dialog");
            a.resultProperty().addListener((obs, was, now) -> {
                if (now == copy) {
                    saveCopy();
                }
            });
            a.show();
        });
    }

    private void saveCopy() {
        files.saveAs(tab);
    }

    private void release() {
        tab.setGraphic(null);
        if (banner != null) {
            tab.removeNotice(banner);
        }
        if (yourCopy != null) {
            tab.removeNotice(yourCopy);
        }
        for (CellModel c : List.copyOf(tab.document().cells())) {
            c.sourceProperty().removeListener(edited);
        }
        tab.document().cells().removeListener(reordered);
    }
}
