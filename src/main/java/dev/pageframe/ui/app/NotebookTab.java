package dev.pageframe.ui.app;

import dev.pageframe.ui.common.Icons;
import dev.pageframe.ui.notebook.NotebookDocument;
import dev.pageframe.ui.notebook.NotebookView;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One open notebook: its tab, the trust and notice banners, and the notebook page. */
public final class NotebookTab extends Tab {
    private final NotebookDocument document;
    private final NotebookView view;
    private final VBox banners = new VBox();
    private final BorderPane content = new BorderPane();
    private HBox trustBanner;
    /** The folders that tell this tab from another of the same file name, or empty ({@link TabNames}). */
    private final StringProperty place = new SimpleStringProperty(this, "place", "");

    NotebookTab(NotebookDocument document, NotebookView view) {
        this.document = document;
        this.view = view;
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> TabNames.text(document.titleProperty().get(), place.get()), document.titleProperty(), place));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> document.file() == null ? "Not saved yet" : document.file().toString(), document.fileProperty()));
        setTooltip(tip);
        banners.getStyleClass().add("banners");
        content.setTop(banners);
        content.getStyleClass().add("notebook-tab-content");
        if (document.isReadOnly()) {
            // Trusting cannot make another language's cells run, so the trust banner would only mislead.
            HBox readOnly = notice(document.readOnlyReason());
            readOnly.setId("read-only-banner");
            banners.getChildren().add(readOnly);
        } else if (!document.isTrusted()) {
            trustBanner = trustBanner();
            banners.getChildren().add(trustBanner);
        }
        document.trustedProperty().addListener((obs, was, now) -> {
            if (now && trustBanner != null) {
                banners.getChildren().remove(trustBanner);
            }
        });
        for (String note : document.loadNotes()) {
            banners.getChildren().add(notice(note));
        }
    }

    /**
     * Puts the notebook page in the tab. The window does it a frame after adding the tab, so the tab strip's
     * styling and the page's styling land in two frames instead of one long one.
     */
    void attachContent() {
        if (getContent() == null) {
            content.setCenter(view);
            setContent(content);
        }
    }

    void setPlace(String folders) {
        place.set(folders);
    }

    public NotebookDocument document() {
        return document;
    }

    public NotebookView view() {
        return view;
    }

    /** The untrusted-notebook banner, if it is showing. */
    public HBox trustBannerNode() {
        return trustBanner != null && banners.getChildren().contains(trustBanner) ? trustBanner : null;
    }

    /** "This notebook was not created or trusted on this computer: ... Its code has not run." */
    static String trustMessage(String explanation) {
        String why = explanation == null ? "" : explanation.strip();
        if (why.startsWith("Not trusted:")) {
            why = why.substring("Not trusted:".length()).strip();
        }
        if (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        if (!why.isEmpty()) {
            why = why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
        }
        return "This notebook was not created or trusted on this computer" + (why.isEmpty() ? "" : ": " + why)
                + ". Its code has not run.";
    }

    private HBox trustBanner() {
        Label text = new Label(trustMessage(document.trustExplanation()));
        text.setWrapText(true);
        text.getStyleClass().add("banner-text");
        text.setId("trust-banner-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button trust = new Button("Trust and run", Icons.icon(Icons.PLAY));
        trust.getStyleClass().addAll("accent", "banner-action");
        trust.setId("trust-and-run");
        // The message wraps; the button must never shrink to an ellipsis.
        trust.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        trust.setOnAction(e -> document.trustAndRunAll());
        Button dismiss = new Button(null, Icons.icon(Icons.CLOSE));
        dismiss.getStyleClass().addAll("flat", "banner-dismiss");
        dismiss.setId("trust-dismiss");
        dismiss.setTooltip(new Tooltip("Hide this message (the notebook stays untrusted: running asks first)"));
        HBox box = new HBox(Icons.icon(Icons.SHIELD, "banner-icon"), text, trust, dismiss);
        dismiss.setOnAction(e -> banners.getChildren().remove(box));
        box.getStyleClass().addAll("banner", "trust-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("trust-banner");
        return box;
    }

    /** Adds a notice banner with an action button (before the dismiss button); returns it so it can be removed. */
    HBox addNotice(String note, Button action) {
        HBox box = notice(note);
        action.getStyleClass().add("banner-action");
        action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getChildren().add(1, action);
        banners.getChildren().add(box);
        return box;
    }

    /** Removes a banner added by {@link #addNotice}. */
    void removeNotice(HBox box) {
        banners.getChildren().remove(box);
    }

    private HBox notice(String note) {
        Label text = new Label(note);
        text.setWrapText(true);
        text.getStyleClass().add("banner-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button(null, Icons.icon(Icons.CLOSE));
        dismiss.getStyleClass().addAll("flat", "banner-dismiss");
        HBox box = new HBox(text, dismiss);
        dismiss.setOnAction(e -> banners.getChildren().remove(box));
        box.getStyleClass().addAll("banner", "notice-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
