package dev.aiworkbench.ui.shell;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What stopped the workbench from opening, in words, with the way forward as buttons. */
final class StartupProblemView extends VBox {
    StartupProblemView(StartupProblem problem, Runnable startFresh, Runnable quit) {
        setId("startup-problem");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        setPadding(new Insets(48));
        setMaxWidth(720);
        FontIcon icon = new FontIcon(Feather.ALERT_OCTAGON);
        icon.getStyleClass().add("problem-icon");
        Label title = new Label("The workbench could not open your data");
        title.getStyleClass().add(Styles.TITLE_3);
        Label message = Labels.wrapped(problem.message());
        message.setId("startup-problem-message");
        message.setMaxWidth(640);
        HBox actions = new HBox(12);
        actions.setAlignment(Pos.CENTER);
        if (problem.canStartFresh() && startFresh != null) {
            Button fresh = new Button("Keep it aside and start fresh");
            fresh.setId("start-fresh");
            fresh.getStyleClass().add(Styles.ACCENT);
            fresh.setDefaultButton(true);
            fresh.setOnAction(e -> startFresh.run());
            actions.getChildren().add(fresh);
        }
        Button quitButton = new Button("Quit");
        quitButton.setId("quit");
        quitButton.setCancelButton(true);
        quitButton.setOnAction(e -> quit.run());
        actions.getChildren().add(quitButton);
        getChildren().addAll(icon, title, message, actions);
    }
}
