package dev.pageframe.ui.app;

import dev.pageframe.notebook.recovery.RecoveryEntry;
import dev.pageframe.ui.common.Panels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What a start after a crash offers back: one row per recovery copy (the notebook's name, where it was, when it was
 * copied, what changed) with <b>Restore</b> and <b>Discard</b>. A row leaves the list once it is decided.
 */
public final class RecoveryList extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final VBox rows = new VBox();
    private final Label empty = new Label("Nothing left to recover.");
    private Runnable onAllDecided = () -> { };

    /**
     * A list of {@code entries}.
     *
     * @param now     the time to say "today" against
     * @param zone    the zone times are shown in
     * @param restore opens a copy (the row then leaves the list)
     * @param discard asks, and deletes a copy; true if it did (the row then leaves the list)
     */
    public RecoveryList(List<RecoveryEntry> entries, Instant now, ZoneId zone, Consumer<RecoveryEntry> restore,
            Predicate<RecoveryEntry> discard) {
        Objects.requireNonNull(restore);
        Objects.requireNonNull(discard);
        getStyleClass().add("recovery-list");
        getStylesheets().add(Objects.requireNonNull(RecoveryList.class.getResource("recovery.css")).toExternalForm());
        setId("recovery-list");
        Label intro = new Label("Pageframe did not close normally last time. These notebooks had changes that were "
                + "not saved. Restore opens a copy with the changes, marked unsaved; the original file is left as it "
                + "was until you save.");
        intro.getStyleClass().add("recovery-intro");
        intro.setMinHeight(Region.USE_PREF_SIZE);
        rows.getStyleClass().add("recovery-list");
        empty.getStyleClass().add("recovery-empty");
        for (int i = 0; i < entries.size(); i++) {
            rows.getChildren().add(row(i, entries.get(i), now, zone, restore, discard));
        }
        getChildren().addAll(intro, rows);
        setPrefWidth(560);
    }

    /** How many copies are still undecided. */
    public int remaining() {
        return (int) rows.getChildren().stream().filter(n -> n instanceof HBox).count();
    }

    private HBox row(int i, RecoveryEntry e, Instant now, ZoneId zone, Consumer<RecoveryEntry> restore,
            Predicate<RecoveryEntry> discard) {
        Label name = new Label(e.name());
        name.getStyleClass().add("recovery-name");
        String where = e.original() == null ? "never saved" : e.original().toString();
        Label detail = new Label(when(e.savedAt(), now, zone) + " \u00b7 " + e.summary() + "\n" + where);
        detail.getStyleClass().add("recovery-detail");
        detail.setId("recovery-detail-" + i);
        detail.setMinWidth(0);
        detail.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        VBox text = new VBox(2, name, detail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button restoreButton = new Button("Restore");
        restoreButton.setId("recovery-restore-" + i);
        Button discardButton = new Button("Discard");
        discardButton.setId("recovery-discard-" + i);
        // The path may be long: it is cut, the buttons never are.
        restoreButton.setMinWidth(Region.USE_PREF_SIZE);
        discardButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(text, restoreButton, discardButton);
        row.getStyleClass().add("recovery-row");
        Panels.frame(row);
        row.setId("recovery-row-" + i);
        restoreButton.setOnAction(ev -> {
            restore.accept(e);
            decided(row);
        });
        discardButton.setOnAction(ev -> {
            if (discard.test(e)) {
                decided(row);
            }
        });
        return row;
    }

    private void decided(HBox row) {
        rows.getChildren().remove(row);
        if (remaining() == 0) {
            rows.getChildren().setAll(empty);
            onAllDecided.run();
        }
    }

    /** Runs once every copy is restored or discarded (the window holding the list closes then). */
    public void setOnAllDecided(Runnable action) {
        onAllDecided = Objects.requireNonNull(action);
    }

    /** "saved 08:12" today, "saved 5 Dec 17:40" on another day. */
    static String when(Instant t, Instant now, ZoneId zone) {
        boolean today = t.atZone(zone).truncatedTo(ChronoUnit.DAYS).equals(now.atZone(zone).truncatedTo(ChronoUnit.DAYS));
        return "saved " + (today ? TIME : DATE_TIME).format(t.atZone(zone));
    }
}
