package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/**
 * Settings for the Ollama server: the address in use and where it came from (the command line,
 * Settings, OLLAMA_HOST or the default), a field to save another one, and a way back to
 * OLLAMA_HOST or the default. Reading and saving the setting run in the background.
 */
public final class ServerAddressForm extends VBox {
    private final Session session;
    private final Label source = Labels.wrapped("Reading…");
    private final Label serverState = Labels.wrapped("");
    private final TextField url = new TextField();
    private final Button save = new Button("Save", new FontIcon(Feather.SAVE));
    private final Button reset = new Button("Use OLLAMA_HOST / default", new FontIcon(Feather.ROTATE_CCW));
    private final Label message = Labels.wrapped("");

    private record Address(OllamaEndpoint endpoint, Optional<String> saved) {
    }

    public ServerAddressForm(Session session) {
        this.session = session;
        setId("ollama-settings");
        setSpacing(10);
        source.setId("ollama-source");
        serverState.setId("ollama-status");
        url.setId("ollama-url");
        url.setPromptText("e.g. 127.0.0.1:11434 or http://gpu-box:11434");
        url.setPrefColumnCount(32);
        url.setOnAction(e -> save());
        url.textProperty().addListener((obs, was, now) -> {
            if (message.getStyleClass().contains(Styles.DANGER)) {
                say("", false);
            }
        });
        save.setId("save-ollama-url");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        reset.setId("reset-ollama-url");
        reset.setMnemonicParsing(false);
        reset.setOnAction(e -> reset());
        message.setId("ollama-url-message");
        message.setVisible(false);
        message.setManaged(false);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, muted("In use"), source);
        grid.addRow(1, muted("Server"), serverState);
        Label addressLabel = muted("Address");
        addressLabel.setLabelFor(url);
        HBox field = new HBox(8, url, save, reset);
        field.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.SOMETIMES);
        grid.addRow(2, addressLabel, field);
        Label hint = Labels.wrapped("The forms OLLAMA_HOST accepts: host, host:port, :port, or a URL with http:// or "
                + "https://. The command line's --ollama-url wins over this setting, which wins over OLLAMA_HOST.",
                Styles.TEXT_MUTED);
        getChildren().addAll(grid, message, hint);

        session.serverStatusProperty().addListener((obs, was, now) -> showServer(now));
        showServer(session.serverStatusProperty().get());
        load(true);
    }

    /** Reads the address in use (and, the first time, the saved one into the field) in the background. */
    private void load(boolean fillField) {
        Workbench workbench = session.workbench();
        session.background(() -> new Address(workbench.ollamaEndpoint(),
                workbench.settings().get(Workbench.OLLAMA_URL_SETTING)), address -> {
            source.setText(address.endpoint().baseUri() + " · " + describe(address.endpoint().source()));
            if (fillField) {
                url.setText(address.saved().orElse(""));
            }
        });
    }

    private static String describe(String source) {
        return switch (source) {
            case "--ollama-url" -> "from --ollama-url on the command line (it wins over Settings while the app runs)";
            case "Settings" -> "from Settings";
            case OllamaEndpoint.ENVIRONMENT_VARIABLE -> "from OLLAMA_HOST";
            case "default" -> "the default (OLLAMA_HOST is not set)";
            default -> "from " + source;
        };
    }

    private void showServer(ServerStatus status) {
        if (status == null) {
            serverState.setText("Checking…");
            return;
        }
        serverState.setText(status.reachable()
                ? "Answering at " + status.server() + status.version().map(v -> " (Ollama " + v + ")").orElse("") + "."
                : status.problem().orElse("No answer from " + status.server() + "."));
    }

    private void save() {
        String text = url.getText() == null ? "" : url.getText().strip();
        if (text.isEmpty()) {
            say("Type an address such as 127.0.0.1:11434, or press \"Use OLLAMA_HOST / default\" to stop using one "
                    + "from Settings.", true);
            url.requestFocus();
            return;
        }
        try {
            OllamaEndpoint.parse(text);
        } catch (IllegalArgumentException e) {
            say("'" + text + "' is not an address Ollama can be reached at. Use host:port such as 127.0.0.1:11434, "
                    + "or a URL such as http://gpu-box:11434.", true);
            url.requestFocus();
            return;
        }
        session.setOllamaUrl(Optional.of(text), () -> {
            say("Saved. Checking the server at the new address…", false);
            load(false);
        });
    }

    private void reset() {
        session.setOllamaUrl(Optional.empty(), () -> {
            url.clear();
            say("Saved: the address comes from OLLAMA_HOST, or the default. Checking the server…", false);
            load(false);
        });
    }

    private void say(String text, boolean problem) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
        message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        message.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** The address field, for the screen's first focus. */
    public TextField field() {
        return url;
    }
}
