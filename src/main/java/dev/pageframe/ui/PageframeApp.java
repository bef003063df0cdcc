package dev.pageframe.ui;

import atlantafx.base.theme.PrimerLight;
import dev.pageframe.ui.app.AppEnvironment;
import dev.pageframe.ui.app.MainWindow;
import dev.pageframe.ui.app.WindowSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Pageframe desktop app. With a notebook file as its argument it opens that file; without one it opens
 * the bundled tour as an untitled copy. Nothing runs until the user asks.
 */
public class PageframeApp extends Application {
    private MainWindow window;
    private Stage stage;
    /** Where the window's size is kept between runs (WindowSize). */
    private Path configDir;
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
        AppEnvironment env = AppEnvironment.fromSystem(url -> getHostServices().showDocument(url));
        configDir = env.trust().configDir();
        window = new MainWindow(env);
        // The tour is read while the window is made, and its first screen of cards is built before the window shows.
        probe.openRequested();
        var tour = files.isEmpty() ? window.readTour() : null;
        // As the user left it last time, if it fits this screen.
        WindowSize kept = WindowSize.load(configDir, Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(window, kept.width(), kept.height());
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
        stage.setMinWidth(WindowSize.MIN_WIDTH);
        stage.setMinHeight(WindowSize.MIN_HEIGHT);
        stage.setMaximized(kept.maximized());
        this.stage = stage;
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
        if (stage != null && configDir != null) {
            // The scene's size, as the window was made from it; a failure costs only the size at the next start.
            new WindowSize(stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized()).save(configDir);
        }
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
