package dev.pageframe.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** The main window's dialogs: running an untrusted notebook, unsaved changes, replacing a file, errors. */
final class AppDialogs {
    private AppDialogs() {}

    /** What to do with unsaved changes. */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** Asks before the first run of an untrusted notebook; true means trust it and run. */
    static boolean confirmUntrustedRun(Window owner, String explanation) {
        ButtonType trustAndRun = new ButtonType("Trust and Run", ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(owner, Alert.AlertType.WARNING, "untrusted-run-dialog", "Run an untrusted notebook?",
                "Run code from a notebook you have not trusted?", trustAndRun, ButtonType.CANCEL);
        Label body = new Label(NotebookTab.trustMessage(explanation)
                + "\n\nIts code runs only inside Pageframe's simulated machine, but read it before you run it. "
                + "Running trusts the notebook, so it will not ask again.");
        body.setWrapText(true);
        body.setMaxWidth(480);
        a.getDialogPane().setContent(body);
        return a.showAndWait().filter(b -> b == trustAndRun).isPresent();
    }

    /**
     * Asks whether to save a notebook's changes before it closes. A bundled notebook ({@code asCopy}) is never written,
     * so its button says what saving does: a copy, whose location the next dialog asks for.
     */
    static SaveChoice askToSave(Window owner, String name, boolean asCopy) {
        ButtonType save = new ButtonType(asCopy ? "Save a Copy\u2026" : "Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = alert(owner, Alert.AlertType.CONFIRMATION, "save-changes-dialog", "Unsaved changes",
                "Save changes to " + name + " before closing?", save, discard, ButtonType.CANCEL);
        a.setContentText("Your changes will be lost if you don't save them.");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? SaveChoice.SAVE : answer == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    /** Asks before a save writes over a file the save dialog did not ask about; true means replace it. */
    static boolean confirmReplace(Window owner, String name) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(owner, Alert.AlertType.CONFIRMATION, "replace-file-dialog", "Replace file?",
                name + " already exists. Replace it?", replace, ButtonType.CANCEL);
        a.setContentText("Saving writes this notebook over it; what it holds now will be lost.");
        return a.showAndWait().filter(b -> b == replace).isPresent();
    }

    /**
     * Asks before a running machine is restarted, as Jupyter asks before a kernel restart: its variables, allocations
     * and log go, and so does what a notebook built up for an exercise. True means restart.
     */
    static boolean confirmRestart(Window owner, String name, AfterRestart after) {
        ButtonType restart = new ButtonType(after.button, ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(owner, Alert.AlertType.CONFIRMATION, "restart-dialog", "Restart the machine?",
                "Restart the simulated machine of " + name + "?", restart, ButtonType.CANCEL);
        a.setContentText("It boots again from scratch: every variable, every allocation and the kernel log are gone. "
                + after.outputs);
        return a.showAndWait().filter(b -> b == restart).isPresent();
    }

    /** What a restart is followed by, as its question says. */
    enum AfterRestart {
        NOTHING("Restart", "The outputs on the page stay."),
        RUN_ALL("Restart and Run All", "Every cell then runs again, in order."),
        CLEAR("Restart and Clear", "Every output on the page is cleared too (Z brings them back).");

        private final String button;
        private final String outputs;

        AfterRestart(String button, String outputs) {
            this.button = button;
            this.outputs = outputs;
        }
    }

    /** A question of the window, zoomed as it is, with its id for tests and styles. */
    private static Alert alert(Window owner, Alert.AlertType type, String id, String title, String header,
            ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.initOwner(owner);
        zoomed(a, owner);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        return a;
    }

    /**
     * Gives a dialog the window's zoom before it shows. The zoom stylesheet reaches a dialog only once it is on screen
     * (ZoomStylesheet), after it was sized for 100%: at 125% its buttons read "Save ..." and "Keep ...".
     */
    static void zoomed(javafx.scene.control.Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            String style = owner.getScene().getRoot().getStyle();
            if (style != null && style.contains("-fx-font-size")) {
                dialog.getDialogPane().setStyle(style);
            }
        }
    }

    /** Shows what went wrong, without waiting for the user. */
    static void error(Window owner, String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        zoomed(a, owner);
        a.setTitle("Pageframe");
        a.setHeaderText(header);
        a.setContentText(detail);
        a.show();
    }
}
