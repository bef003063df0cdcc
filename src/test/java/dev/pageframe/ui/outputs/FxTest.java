package dev.pageframe.ui.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Shows nodes in a TestFX stage and finds nodes in them, always on the FX thread. */
public final class FxTest {

    private FxTest() {}

    /** Installs PrimerLight as the app does; call from a test's {@code @Start}. */
    public static void theme() {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    /** Puts {@code content} (made on the FX thread) in {@code stage} at the given size and waits until it is laid out. */
    public static Node show(Stage stage, Supplier<Node> content, double width, double height) {
        Node node = fx(() -> {
            Node n = content.get();
            VBox root = new VBox(n);
            root.setPadding(new Insets(8));
            stage.setScene(new Scene(root, width, height));
            // TestFX reuses one stage: a size set by an earlier test must not stick.
            stage.sizeToScene();
            // Inside the headless screen (1280x800), or Monocle cannot paint the window.
            stage.setX(0);
            stage.setY(0);
            stage.show();
            return n;
        });
        settle();
        return node;
    }

    /**
     * Like {@link #show}, but inside a scroll pane scrolled to the bottom, for content taller than
     * the headless screen whose last controls a test must click.
     */
    public static Node showScrolledToBottom(Stage stage, Supplier<Node> content, double width, double height) {
        Node node = fx(() -> {
            Node n = content.get();
            VBox box = new VBox(n);
            box.setPadding(new Insets(8));
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, width, height));
            stage.sizeToScene();
            // Inside the headless screen (1280x800), or Monocle cannot paint the window.
            stage.setX(0);
            stage.setY(0);
            stage.show();
            return n;
        });
        settle();
        scrollToBottom(stage);
        return node;
    }

    /** Scrolls the stage's root scroll pane to its end. */
    public static void scrollToBottom(Stage stage) {
        fxRun(() -> ((javafx.scene.control.ScrollPane) stage.getScene().getRoot()).setVvalue(1));
        settle();
    }

    /** Waits for pending FX work, including what {@link Lazy} views schedule after a layout pulse. */
    public static void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /** Every node under {@code root} (itself included) of {@code type} that passes {@code test}, depth first. */
    public static <T> List<T> all(Node root, Class<T> type, Predicate<? super T> test) {
        return fx(() -> {
            List<T> out = new ArrayList<>();
            collect(root, type, test, out);
            return out;
        });
    }

    public static <T> List<T> all(Node root, Class<T> type) {
        return all(root, type, t -> true);
    }

    /** The first node under {@code root} of {@code type}; fails when there is none. */
    public static <T> T first(Node root, Class<T> type) {
        List<T> found = all(root, type);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " under " + root);
        }
        return found.getFirst();
    }

    /** The first node under {@code root} with {@code styleClass}; fails when there is none. */
    public static Node styled(Node root, String styleClass) {
        List<Node> found = all(root, Node.class, n -> n.getStyleClass().contains(styleClass));
        if (found.isEmpty()) {
            throw new AssertionError("no ." + styleClass + " under " + root);
        }
        return found.getFirst();
    }

    public static boolean hasStyled(Node root, String styleClass) {
        return !all(root, Node.class, n -> n.getStyleClass().contains(styleClass)).isEmpty();
    }

    private static <T> void collect(Node node, Class<T> type, Predicate<? super T> test, List<T> out) {
        if (type.isInstance(node) && test.test(type.cast(node))) {
            out.add(type.cast(node));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, test, out);
            }
        }
    }

    /** All the text of the {@code javafx.scene.text.Text} nodes under {@code root}, in order. */
    public static String text(Node root) {
        return fx(() -> {
            StringBuilder b = new StringBuilder();
            List<Node> nodes = new ArrayList<>();
            collect(root, Node.class, n -> n instanceof javafx.scene.text.Text || n instanceof javafx.scene.control.Labeled,
                    nodes);
            for (Node n : nodes) {
                if (n instanceof javafx.scene.text.Text t) {
                    // Labels draw their text with a LabeledText child; count it once, through the label.
                    if (!t.getClass().getName().endsWith("LabeledText")) {
                        b.append(t.getText());
                    }
                } else if (n instanceof javafx.scene.control.Labeled l) {
                    b.append(l.getText());
                }
            }
            return b.toString();
        });
    }
}
