package dev.pageframe.ui.app;

import dev.pageframe.execution.KernelState;
import dev.pageframe.notebook.MachineSpec;
import dev.pageframe.ui.notebook.NotebookDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bottom line: the notebook's machine, its kernel's state (with elapsed time while busy), free memory. */
public final class StatusBar extends HBox {
    private final Label machine = new Label();
    private final Circle dot = new Circle(4);
    private final Label kernel = new Label();
    private final Label free = new Label("Free \u2014");
    private final Label message = new Label();
    private final Label zoom = new Label();
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> refreshKernel()));
    private final ChangeListener<Object> changed = (obs, was, now) -> refreshKernel();
    private NotebookDocument document;

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        machine.getStyleClass().add("status-machine");
        machine.setId("status-machine");
        dot.getStyleClass().add("kernel-dot");
        kernel.setGraphic(dot);
        kernel.getStyleClass().add("status-kernel");
        kernel.setId("status-kernel");
        free.getStyleClass().add("status-free");
        free.setId("status-free");
        free.setTooltip(new Tooltip("Free memory of the simulated machine after the last cell (nr_free_pages() * PAGE_SIZE)"));
        message.getStyleClass().add("status-message");
        zoom.getStyleClass().add("status-zoom");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(machine, sep(), kernel, sep(), free, spacer, message, zoom);
        ticker.setCycleCount(Animation.INDEFINITE);
        show(null);
    }

    private static Region sep() {
        Region r = new Region();
        r.getStyleClass().add("status-separator");
        return r;
    }

    /** Follows another notebook (or none). */
    public void show(NotebookDocument doc) {
        if (document != null) {
            document.freeBytesProperty().removeListener(freeChanged);
            document.kernelStateProperty().removeListener(changed);
            document.busySinceProperty().removeListener(changed);
            document.kernelDetailProperty().removeListener(changed);
            document.machineProperty().removeListener(machineChanged);
            document.stopNoteProperty().removeListener(stopNoted);
        }
        document = doc;
        if (doc != null) {
            doc.freeBytesProperty().addListener(freeChanged);
            doc.kernelStateProperty().addListener(changed);
            doc.busySinceProperty().addListener(changed);
            doc.kernelDetailProperty().addListener(changed);
            doc.machineProperty().addListener(machineChanged);
            doc.stopNoteProperty().addListener(stopNoted);
            machine.setTooltip(new Tooltip("The simulated machine this notebook runs on; click to change it"));
        }
        refreshMachine();
        refreshKernel();
        refreshFree();
    }

    private final javafx.beans.InvalidationListener machineChanged = o -> refreshMachine();
    private final javafx.beans.value.ChangeListener<String> stopNoted = (obs, was, now) -> {
        if (!now.isEmpty()) {
            setMessage(now);
        }
    };

    private void refreshMachine() {
        MachineSpec m = document == null ? null : document.machine();
        machine.setText(m == null ? "No notebook" : m.profile() + " \u00b7 " + humanBytes(m.memoryBytes()));
    }

    /** Runs {@code action} when the machine's name is clicked (Run › Change Machine). */
    void setOnMachineClicked(Runnable action) {
        machine.setOnMouseClicked(e -> action.run());
        machine.setCursor(javafx.scene.Cursor.HAND);
    }

    private final javafx.beans.InvalidationListener freeChanged = o -> refreshFree();

    private void refreshFree() {
        long bytes = document == null ? -1 : document.freeBytesProperty().get();
        free.setText(bytes < 0 ? "Free \u2014" : "Free " + humanBytes(bytes));
    }

    /** The free-memory text as shown, e.g. "Free 812 MiB" (tests read it). */
    public String freeText() {
        return free.getText();
    }

    /** The message shown at the right, e.g. where a run stopped (tests read it). */
    public String messageText() {
        return message.getText();
    }

    public void setMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    public void setZoom(double factor) {
        zoom.setText(Math.round(factor * 100) + "%");
    }

    /** The kernel text as shown, e.g. "Kernel busy 2.4 s" (tests read it). */
    public String kernelText() {
        return kernel.getText();
    }

    private void refreshKernel() {
        KernelState state = document == null ? KernelState.NOT_STARTED : document.kernelState();
        String text = switch (state) {
            case NOT_STARTED -> "Kernel not started";
            case STARTING -> "Kernel starting\u2026";
            case IDLE -> "Kernel idle";
            case BUSY -> {
                Instant since = document.busySinceProperty().get();
                yield "Kernel busy " + (since == null ? "" : elapsed(Duration.between(since, Instant.now())));
            }
            case DEAD -> "Kernel dead";
            case CLOSED -> "Kernel closed";
        };
        kernel.setText(text);
        String detail = document == null ? "" : document.kernelDetailProperty().get();
        kernel.setTooltip(state == KernelState.DEAD && detail != null && !detail.isBlank()
                ? new Tooltip("The kernel died: " + detail + ". The next run starts a fresh machine.") : null);
        for (KernelState s : KernelState.values()) {
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT).replace('_', '-')), s == state);
        }
        if (state == KernelState.BUSY || state == KernelState.STARTING) {
            if (ticker.getStatus() != Animation.Status.RUNNING) {
                ticker.play();
            }
        } else {
            ticker.stop();
        }
    }

    static String elapsed(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** 1073741824 -> "1 GiB", 16777216 -> "16 MiB". */
    static String humanBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
