package dev.pageframe.ui.common;

import java.util.Objects;
import javafx.scene.layout.Region;

/** The app's one framed panel: a subtle fill in a rounded border, as recovery rows and exercise panels wear it. */
public final class Panels {
    /** The style class {@link #frame} adds; the panel's own sheet adds spacing and alignment. */
    public static final String FRAMED = "framed-panel";
    private static final String SHEET = Objects.requireNonNull(Panels.class.getResource("panels.css")).toExternalForm();

    private Panels() {
    }

    /** Gives {@code region} the framed look. */
    public static void frame(Region region) {
        region.getStyleClass().add(FRAMED);
        region.getStylesheets().add(SHEET);
    }
}
