package dev.pageframe.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Tooltips and context menus made when first wanted. Each is a popup window with a scene of its own: making
 * one costs a hundred times the button it explains (about 2 ms on a cold JVM), and a notebook has a few per
 * cell that are rarely shown. Making them on the first hover or right-click keeps opening a notebook quick.
 */
public final class Popups {
    private Popups() {}

    /**
     * Gives {@code node} a tooltip with {@code text}, made when the mouse first enters it. Screen readers get the
     * text at once, as the node's accessible help.
     */
    public static void tooltip(Node node, String text) {
        tooltip(node, text, null);
    }

    /** Like {@link #tooltip(Node, String)}, shown after {@code showDelay} (null: the default, one second). */
    public static void tooltip(Node node, String text, Duration showDelay) {
        node.setAccessibleHelp(text);
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tip = new Tooltip(text);
                if (showDelay != null) {
                    tip.setShowDelay(showDelay);
                }
                if (node instanceof Control control) {
                    control.setTooltip(tip);
                } else {
                    Tooltip.install(node, tip);
                }
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
    }

    /** Shows the menu {@code menu} makes (once, on the first request) when {@code node} asks for a context menu. */
    public static void contextMenu(Node node, Supplier<ContextMenu> menu) {
        ContextMenu[] made = new ContextMenu[1];
        node.setOnContextMenuRequested(e -> {
            if (made[0] == null) {
                made[0] = menu.get();
            }
            made[0].show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }
}
