import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX hello-world window that scripts/measure-install.sh starts beside Pageframe, as a baseline. */
public class Hello {
    /** The window: a label in a 400 x 200 scene, titled "Hello". */
    public static class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Hello");
            stage.setScene(new Scene(new Label("Hello, world"), 400, 200));
            if (Boolean.getBoolean("hello.exitWhenShown")) {
                stage.setOnShown(e -> javafx.application.Platform.runLater(javafx.application.Platform::exit));
            }
            stage.show();
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
