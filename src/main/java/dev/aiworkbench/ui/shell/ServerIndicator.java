package dev.aiworkbench.ui.shell;

import dev.aiworkbench.llm.ServerStatus;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The model server's state at the foot of the navigation; pressing it checks again at once. */
final class ServerIndicator extends Button {
    private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    ServerIndicator(ObservableValue<ServerStatus> status, Runnable recheck) {
        setId("server-status");
        getStyleClass().addAll("flat", "server-status");
        setGraphic(new FontIcon(Feather.CIRCLE));
        setMaxWidth(Double.MAX_VALUE);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setText("Ollama: checking…");
        setOnAction(e -> {
            setText("Ollama: checking…");
            recheck.run();
        });
        status.addListener((obs, was, now) -> show(now));
        if (status.getValue() != null) {
            show(status.getValue());
        }
    }

    private void show(ServerStatus status) {
        if (status == null) {
            return;
        }
        pseudoClassStateChanged(UP, status.reachable());
        pseudoClassStateChanged(DOWN, !status.reachable());
        if (status.reachable()) {
            setText("Ollama " + status.version().orElse("running"));
            setTooltip(new Tooltip("Answering at " + status.server() + ". Press to check again."));
        } else {
            setText("Ollama unreachable");
            setTooltip(new Tooltip(status.problem().orElse("No answer from " + status.server()) + "\nPress to check again."));
        }
        setAccessibleText(getText());
    }
}
