package dev.aiworkbench.bench.startup;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: the least a JavaFX + AtlantaFX app does before its first window, with the
 * same theme (PrimerLight as user-agent stylesheet) and window size as the workbench.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(new Label("Bare JavaFX + AtlantaFX window")), 1200, 800);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        stage.show();
    }
}
