package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings for the Ollama server: the address in use and where it came from, a field to save another one, and a
 * way back to OLLAMA_HOST or the default, bound to a {@link ServerAddressViewModel}.
 */
public final class ServerAddressForm extends VBox {
    private final TextField url = new TextField();

    public ServerAddressForm(ServerAddressViewModel model) {
        setId("ollama-settings");
        setSpacing(10);
        Label source = Labels.wrapped("");
        source.setId("ollama-source");
        source.textProperty().bind(model.sourceProperty());
        Label serverState = Labels.wrapped("");
        serverState.setId("ollama-status");
        serverState.textProperty().bind(model.serverStateProperty());
        url.setId("ollama-url");
        url.setPromptText("e.g. 127.0.0.1:11434 or http://gpu-box:11434");
        url.setPrefColumnCount(32);
        url.textProperty().bindBidirectional(model.urlProperty());
        url.setOnAction(e -> save(model));
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("save-ollama-url");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save(model));
        Button reset = new Button("Use OLLAMA_HOST / default", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("reset-ollama-url");
        reset.setMnemonicParsing(false);
        reset.setOnAction(e -> model.reset());
        Label message = Labels.wrapped("");
        message.setId("ollama-url-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);
        model.messageIsProblemProperty().addListener((obs, was, problem) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            message.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        });

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
        model.load();
    }

    /** Saves; a refused address keeps the focus in the field, to be corrected. */
    private void save(ServerAddressViewModel model) {
        if (!model.save()) {
            url.requestFocus();
        }
    }

    /** A row's name; it keeps its width, so long wrapped values beside it never squeeze it to "…". */
    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
