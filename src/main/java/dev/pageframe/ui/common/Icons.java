package dev.pageframe.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * Small vector icons (24-unit paths, drawn with the text colour), so they stay sharp at every zoom and
 * follow the light and dark themes.
 */
public final class Icons {
    private Icons() {}

    public static final String PLAY = "M7 4 L20 12 L7 20 Z";
    public static final String STOP = "M6 6 H18 V18 H6 Z";
    public static final String RESTART = "M12 4 A8 8 0 1 0 20 12 H17.5 A5.5 5.5 0 1 1 12 6.5 V9.5 L16.5 5.25 L12 1 Z";
    public static final String FAST_FORWARD = "M3 5 L12 12 L3 19 Z M12 5 L21 12 L12 19 Z";
    public static final String PLUS = "M11 4 H13 V11 H20 V13 H13 V20 H11 V13 H4 V11 H11 Z";
    public static final String SAVE = "M4 3 H17 L21 7 V21 H3 V3 Z M7 5 V9 H15 V5 Z M12 13 A3 3 0 1 0 12.01 13 Z";
    public static final String FOLDER = "M2 5 H9 L11 7 H22 V20 H2 Z";
    public static final String FILE = "M5 2 H14 L19 7 V22 H5 Z M14 2 V7 H19";
    public static final String TRASH = "M5 7 H19 L18 21 H6 Z M9 3 H15 V5 H20 V7 H4 V5 H9 Z";
    public static final String ARROW_UP = "M12 4 L19 11 H14 V20 H10 V11 H5 Z";
    public static final String ARROW_DOWN = "M12 20 L5 13 H10 V4 H14 V13 H19 Z";
    public static final String BOOK = "M4 4 H10 A2 2 0 0 1 12 6 V20 A2 2 0 0 0 10 18 H4 Z M20 4 H14 A2 2 0 0 0 12 6 V20 A2 2 0 0 1 14 18 H20 Z";
    public static final String LIST = "M4 6 H6 V8 H4 Z M8 6 H20 V8 H8 Z M4 11 H6 V13 H4 Z M8 11 H20 V13 H8 Z M4 16 H6 V18 H4 Z M8 16 H20 V18 H8 Z";
    public static final String CHEVRON_DOWN = "M6 9 L12 15 L18 9 L16.6 7.6 L12 12.2 L7.4 7.6 Z";
    public static final String CHEVRON_RIGHT = "M9 6 L15 12 L9 18 L7.6 16.6 L12.2 12 L7.6 7.4 Z";
    public static final String CHEVRON_LEFT = "M15 6 L9 12 L15 18 L16.4 16.6 L11.8 12 L16.4 7.4 Z";
    public static final String SEARCH = "M10 3 A7 7 0 1 0 15.2 14.8 L20 19.6 L21.4 18.2 L16.6 13.4 A7 7 0 0 0 10 3 Z M10 5 A5 5 0 1 1 9.99 5 Z";
    public static final String SUN = "M12 7 A5 5 0 1 0 12.01 7 Z M11 1 H13 V4 H11 Z M11 20 H13 V23 H11 Z M1 11 H4 V13 H1 Z M20 11 H23 V13 H20 Z";
    public static final String MOON = "M20 14.5 A8.5 8.5 0 1 1 9.5 4 A7 7 0 0 0 20 14.5 Z";
    public static final String SHIELD = "M12 2 L20 5 V11 C20 16 16.5 20 12 22 C7.5 20 4 16 4 11 V5 Z";
    public static final String CLOSE = "M6.4 5 L12 10.6 L17.6 5 L19 6.4 L13.4 12 L19 17.6 L17.6 19 L12 13.4 L6.4 19 L5 17.6 L10.6 12 L5 6.4 Z";
    public static final String HOME = "M12 3 L21 11 H18 V20 H14 V14 H10 V20 H6 V11 H3 Z";

    /** An icon of {@code path}, sized in em by the {@code icon} CSS class. */
    public static Node icon(String path) {
        return icon(path, "icon");
    }

    /** An icon with an extra style class, e.g. for colour. */
    public static Node icon(String path, String styleClass) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        Region shape = new Region();
        shape.setShape(svg);
        shape.getStyleClass().addAll("icon-shape");
        StackPane box = new StackPane(shape);
        box.getStyleClass().add(styleClass);
        if (!"icon".equals(styleClass)) {
            box.getStyleClass().add("icon");
        }
        return box;
    }
}
