package dev.pageframe.ui.app;

import dev.pageframe.engine.MachineProfile;
import dev.pageframe.engine.MachineProfiles;
import dev.pageframe.engine.Sizes;
import dev.pageframe.notebook.MachineSpec;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Run › Change Machine: the profile and memory of the simulated machine a notebook runs on. What the profile cannot
 * boot (memory outside its range, not whole pages) is said beside the field as its boot would say it, and cannot be
 * chosen.
 */
final class MachineDialog {
    private MachineDialog() {}

    /** The machine chosen, or empty if the user cancelled. */
    static Optional<MachineSpec> ask(Window owner, MachineSpec current) {
        Dialog<MachineSpec> d = new Dialog<>();
        d.initOwner(owner);
        AppDialogs.zoomed(d, owner);
        d.setTitle("Change Machine");
        d.setHeaderText("The simulated machine this notebook runs on");
        d.getDialogPane().setId("machine-dialog");
        ButtonType change = new ButtonType("Change", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(change, ButtonType.CANCEL);

        ComboBox<MachineProfile> profile = new ComboBox<>();
        profile.getItems().addAll(MachineProfiles.all());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(MachineProfile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public MachineProfile fromString(String s) {
                return MachineProfiles.byName(s);
            }
        });
        profile.setValue(MachineProfiles.byName(current.profile()));
        profile.setId("machine-profile");
        Label about = new Label();
        about.setWrapText(true);
        about.setMaxWidth(420);
        about.getStyleClass().add("machine-about");
        TextField memory = new TextField(current.memory());
        memory.setId("machine-memory");
        memory.setPromptText("e.g. 16M, 256M, 1G");
        Label problem = new Label();
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.setId("machine-problem");
        problem.getStyleClass().add("machine-problem");
        Label note = new Label("The machine boots at the next run; the variables of this one are lost, as at Restart.");
        note.setWrapText(true);
        note.setMaxWidth(420);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Profile"), profile);
        grid.add(about, 1, 1);
        grid.addRow(2, new Label("Memory"), memory);
        grid.add(problem, 1, 3);
        grid.add(note, 0, 4, 2, 1);
        d.getDialogPane().setContent(grid);

        Runnable check = () -> {
            MachineProfile p = profile.getValue();
            about.setText(p == null ? "" : p.description());
            String why = refusal(p, memory.getText()).orElse("");
            problem.setText(why);
            d.getDialogPane().lookupButton(change).setDisable(!why.isEmpty());
        };
        profile.valueProperty().addListener((o, a, b) -> check.run());
        memory.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        d.setResultConverter(b -> b == change ? MachineSpec.of(profile.getValue().name(), memory.getText().strip()) : null);
        return d.showAndWait();
    }

    /** Why this profile and memory text cannot make a machine, or empty when they can. */
    static Optional<String> refusal(MachineProfile profile, String memoryText) {
        if (profile == null) {
            return Optional.of("Choose a profile.");
        }
        long bytes;
        try {
            bytes = Sizes.parse(memoryText.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("Not a size: " + e.getMessage());
        }
        return MachineProfiles.refusal(profile.name(), bytes);
    }
}
