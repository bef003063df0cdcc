package dev.pageframe.ui.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Carries the main window's zoom into its other windows. Tooltips, popups and dialogs are windows of
 * their own, with scenes the main window's inline font size never reaches, and the theme gives
 * tooltips a fixed pixel size; so the zoom is also a generated stylesheet (a {@code data:} URL) put on
 * every window the main window owns as it shows, and changed on those already showing.
 */
final class ZoomStylesheet {
    private final Node root;
    /** Attaches the stylesheet to each window the main window owns as soon as it shows. */
    private final ListChangeListener<Window> onWindows = change -> {
        while (change.next()) {
            for (Window w : change.getAddedSubList()) {
                if (isOwned(w)) {
                    attach(w.getScene(), null);
                }
            }
        }
    };
    private String url;

    /** @param root the root of the main window's scene, which it may not have yet */
    ZoomStylesheet(Node root) {
        this.root = root;
        // Weak, so a closed main window (tests open many) does not stay reachable from the global list.
        Window.getWindows().addListener(new WeakListChangeListener<>(onWindows));
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null && url != null) {
                was.getStylesheets().remove(url);
            }
            attach(now, null);
        });
    }

    /** Sets the base font size of every window the main window owns, in px. */
    void setFontSize(double px) {
        String old = url;
        url = dataUrl(css(px));
        attach(root.getScene(), old);
        for (Window w : List.copyOf(Window.getWindows())) {
            if (isOwned(w)) {
                attach(w.getScene(), old);
                // A dialog given the zoom before it showed (AppDialogs.zoomed) holds it inline, which outranks this
                // stylesheet: it takes the new size there too.
                if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane
                        && pane.getStyle().contains("-fx-font-size")) {
                    pane.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
                }
            }
        }
    }

    /** The stylesheet's URL now (null before the first {@link #setFontSize}). */
    String url() {
        return url;
    }

    /**
     * {@code .root} scales everything sized in em; tooltips and text-field menus have pixel sizes of their
     * own in the theme, so they are named too.
     */
    static String css(double px) {
        String size = String.format(Locale.ROOT, "{ -fx-font-size: %.2fpx; }", px);
        return ".root " + size + "\n.tooltip " + size + "\n.text-input .context-menu " + size + "\n";
    }

    private static String dataUrl(String css) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private void attach(Scene scene, String replacing) {
        // Not the main scene: its root's inline font size zooms it, and changing a scene's stylesheets makes every
        // node in it match its selectors again, on top of what the new size costs.
        if (scene == null || url == null || scene == root.getScene()) {
            return;
        }
        List<String> sheets = scene.getStylesheets();
        if (replacing != null) {
            sheets.remove(replacing);
        }
        if (!sheets.contains(url)) {
            sheets.add(url);
        }
    }

    /** True for the main window and the windows it owns, directly or through other popups and dialogs. */
    private boolean isOwned(Window w) {
        Window main = root.getScene() == null ? null : root.getScene().getWindow();
        for (Window at = w; at != null && main != null; at = ownerOf(at)) {
            if (at == main) {
                return true;
            }
        }
        return false;
    }

    private static Window ownerOf(Window w) {
        return switch (w) {
            case PopupWindow p -> p.getOwnerWindow();
            case Stage s -> s.getOwner();
            default -> null;
        };
    }
}
