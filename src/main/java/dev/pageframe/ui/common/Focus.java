package dev.pageframe.ui.common;

import javafx.scene.Node;

/** Where the keyboard focus is, for code that must not take the focused node out of the scene. */
public final class Focus {
    private Focus() {
    }

    /** True if the focus owner of the node's scene is the node or inside it. */
    public static boolean heldIn(Node subtree) {
        Node owner = subtree.getScene() == null ? null : subtree.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == subtree) {
                return true;
            }
        }
        return false;
    }
}
