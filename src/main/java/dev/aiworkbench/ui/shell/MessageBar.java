package dev.aiworkbench.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A strip above the screen for errors (a sentence with the next step), one-off notices, and the alert of a crossed
 * budget with a button to the screen that explains it. Each is made the first time it has something to say, so an
 * empty strip costs the first window nothing.
 */
final class MessageBar extends VBox {
    private final ChangeListener<String> errorText = (obs, old, now) -> showError(now);
    private final ChangeListener<String> alertText = (obs, old, now) -> showAlert(now);
    private Message error;
    private Message notice;
    private Message alert;
    private HBox alertRow;
    private Runnable clearError = () -> { };
    private Runnable dismissAlert = () -> { };
    private Runnable openAlerted = () -> { };
    private ObservableStringValue boundError;
    private ObservableStringValue boundAlert;

    MessageBar() {
        getStyleClass().add("message-bar");
    }

    /** Shows the errors of one session; a later call (the pack switched) replaces the earlier session's. */
    void bindError(ObservableStringValue text, Runnable clear) {
        if (boundError != null) {
            boundError.removeListener(errorText);
        }
        boundError = text;
        clearError = clear;
        text.addListener(errorText);
        showError(text.get());
    }

    private void showError(String text) {
        if (text == null || text.isBlank()) {
            if (error != null) {
                hide(error);
            }
            return;
        }
        if (error == null) {
            error = new Message("Something needs your attention", "", new FontIcon(Feather.ALERT_TRIANGLE));
            error.getStyleClass().add(Styles.DANGER);
            error.setId("error-message");
            error.setOnClose(e -> clearError.run());
            placeInOrder();
        }
        error.setDescription(text);
        show(error);
    }

    /**
     * Shows one session's budget alerts; a later call replaces the earlier session's.
     *
     * @param dismiss forgets the alert (closed, or acted on)
     * @param open    shows the screen that explains it
     */
    void bindAlert(ObservableStringValue text, Runnable dismiss, Runnable open) {
        if (boundAlert != null) {
            boundAlert.removeListener(alertText);
        }
        boundAlert = text;
        dismissAlert = dismiss;
        openAlerted = open;
        text.addListener(alertText);
        showAlert(text.get());
    }

    private void showAlert(String text) {
        boolean crossed = text != null && !text.isBlank();
        if (alertRow == null && !crossed) {
            return;
        }
        if (alertRow == null) {
            makeAlertRow();
        }
        alert.setDescription(text);
        alertRow.setVisible(crossed);
    }

    private void makeAlertRow() {
        alert = new Message("Budget crossed", "", new FontIcon(Feather.BELL));
        alert.getStyleClass().add(Styles.WARNING);
        alert.setId("budget-alert");
        alert.setOnClose(e -> dismissAlert.run());
        Button openAlert = new Button("Open Observability", new FontIcon(Feather.ACTIVITY));
        openAlert.setId("open-budget-alert");
        openAlert.setMinWidth(Region.USE_PREF_SIZE);
        openAlert.setOnAction(e -> {
            dismissAlert.run();
            openAlerted.run();
        });
        HBox.setHgrow(alert, Priority.ALWAYS);
        alert.setMaxWidth(Double.MAX_VALUE);
        alertRow = new HBox(8, alert, openAlert);
        alertRow.setAlignment(Pos.CENTER_LEFT);
        alertRow.setPadding(new Insets(0, 12, 0, 0));
        alertRow.managedProperty().bind(alertRow.visibleProperty());
        placeInOrder();
    }

    void showNotice(String text) {
        if (notice == null) {
            notice = new Message("Done", "", new FontIcon(Feather.INFO));
            notice.getStyleClass().add(Styles.ACCENT);
            notice.setId("notice-message");
            notice.setOnClose(e -> hide(notice));
            placeInOrder();
        }
        notice.setDescription(text);
        show(notice);
    }

    /** The error first, then the budget alert, then the notice, whichever of them have been made. */
    private void placeInOrder() {
        getChildren().setAll(Stream.of(error, alertRow, notice).filter(Objects::nonNull).toList());
    }

    private static void show(Message message) {
        message.setVisible(true);
        message.setManaged(true);
    }

    private static void hide(Message message) {
        message.setVisible(false);
        message.setManaged(false);
    }
}
