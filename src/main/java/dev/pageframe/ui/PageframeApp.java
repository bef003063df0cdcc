package dev.pageframe.ui;

import atlantafx.base.theme.PrimerLight;
import dev.pageframe.ui.app.AppEnvironment;
import dev.pageframe.ui.app.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Pageframe desktop app. With a notebook file as its argument it opens that file; without one it opens
 * the bundled tour as an untitled copy. Nothing runs until the user asks.
 */
public class PageframeApp extends Application {
    private MainWindow window;
    /** The measuring harness when asked for, else a probe that does nothing. */
    private AppProbe probe = AppProbe.NONE;
    /** Answers SIGTERM, SIGINT and SIGHUP once the window is up; null before. */
    private Termination termination;

    /**
     * Starts the app and returns when its window closes. The CLI calls this reflectively when run with no
     * subcommand or a single FILE.
     */
    public static void launchApp(String[] args) {
        // JavaFX runs from the class path here by design (one jar, one launcher): its warning that this is "unsupported"
        // would greet every user who starts the app from a shell. Its other warnings and errors still show.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        Application.launch(PageframeApp.class, args);
    }

    /** JavaFX's logger, held so that the level set on it stays (java.util.logging keeps loggers only weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    /** For {@code mvn javafx:run} and module-path launches; plain class-path launches use {@link PageframeLauncher}. */
    public static void main(String[] args) {
        launchApp(args);
    }

    /** The app's stylesheet, on top of the AtlantaFX theme. */
    public static String stylesheet() {
        return PageframeApp.class.getResource("app.css").toExternalForm();
    }

    @Override
    public void start(Stage stage) throws java.io.IOException {
        probe = AppProbe.forRun(getParameters().getUnnamed(), System.getProperties());
        List<String> files = probe.notebooksToOpen(getParameters().getUnnamed());
        probe.starting();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(AppEnvironment.fromSystem(url -> getHostServices().showDocument(url)));
        // The tour is read while the window is made, and its first screen of cards is built before the window shows.
        probe.openRequested();
        var tour = files.isEmpty() ? window.readTour() : null;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1440, screen.getWidth() * 0.92);
        double h = Math.min(920, screen.getHeight() * 0.92);
        Scene scene = new Scene(window, w, h);
        // Cards and outputs add outputs.css to themselves, and JavaFX parses a stylesheet when the first node using
        // it joins a scene (and again after the last one leaves): that was 5-10 ms inside the first page's
        // frames. Held by the scene, it is read before the window shows and kept. Its rules are all scoped to
        // our own style classes, and a node's own sheet still wins over the scene's, so nothing looks different.
        scene.getStylesheets().addAll(dev.pageframe.ui.markdown.MarkdownView.STYLESHEET, stylesheet());
        stage.setScene(scene);
        probe.sceneMade(scene);
        for (int size : new int[] {32, 48, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(
                    PageframeApp.class.getResource("icons/pageframe-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        window.attach(stage);
        stage.setOnShown(e -> probe.windowShown());
        probe.windowMade(window);
        if (tour != null) {
            window.openTourNow(tour, Duration.ofSeconds(5));
        }
        stage.show();

        window.offerRecoveryLater();
        window.openAll(files.stream().map(Path::of).toList());
        termination = Termination.install(() -> Platform.runLater(Platform::exit), Duration.ofSeconds(15));
    }

    @Override
    public void stop() {
        probe.stopping();
        if (window != null) {
            if (termination != null && termination.asked()) {
                window.terminatedExit();
            } else {
                window.cleanExit();
            }
            // Stop the kernels' agent JVMs before this JVM goes; bounded so a stuck agent cannot hold up exit.
            List<CompletableFuture<Void>> closing = window.shutdown();
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Exiting anyway: an agent also stops by itself once its host connection closes.
            }
        }
        if (termination != null) {
            termination.finished();
        }
    }
}
