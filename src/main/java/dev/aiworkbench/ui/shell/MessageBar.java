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

/**
 * A strip above the screen for errors (a sentence with the next step), one-off notices, and the alert of a crossed
 * budget with a button to the screen that explains it.
 */
final class MessageBar extends VBox {
    private final Message error = new Message("Something needs your attention", "", new FontIcon(Feather.ALERT_TRIANGLE));
    private final Message notice = new Message("Done", "", new FontIcon(Feather.INFO));
    private final Message alert = new Message("Budget crossed", "", new FontIcon(Feather.BELL));
    private final Button openAlert = new Button("Open Observability", new FontIcon(Feather.ACTIVITY));
    private final HBox alertRow = new HBox(8, alert, openAlert);
    private final ChangeListener<String> errorText = (obs, old, now) -> showError(now);
    private final ChangeListener<String> alertText = (obs, old, now) -> showAlert(now);
    private ObservableStringValue boundError;
    private ObservableStringValue boundAlert;

    MessageBar() {
        error.getStyleClass().add(Styles.DANGER);
        error.setId("error-message");
        notice.getStyleClass().add(Styles.ACCENT);
        notice.setId("notice-message");
        notice.setOnClose(e -> hide(notice));
        alert.getStyleClass().add(Styles.WARNING);
        alert.setId("budget-alert");
        openAlert.setId("open-budget-alert");
        openAlert.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(alert, Priority.ALWAYS);
        alert.setMaxWidth(Double.MAX_VALUE);
        alertRow.setAlignment(Pos.CENTER_LEFT);
        alertRow.setPadding(new Insets(0, 12, 0, 0));
        alertRow.managedProperty().bind(alertRow.visibleProperty());
        alertRow.setVisible(false);
        hide(error);
        hide(notice);
        getChildren().addAll(error, alertRow, notice);
        getStyleClass().add("message-bar");
    }

    /** Shows the errors of one session; a later call (the pack switched) replaces the earlier session's. */
    void bindError(ObservableStringValue text, Runnable clear) {
        if (boundError != null) {
            boundError.removeListener(errorText);
        }
        boundError = text;
        error.setOnClose(e -> clear.run());
        text.addListener(errorText);
        showError(text.get());
    }

    private void showError(String text) {
        error.setDescription(text);
        if (text == null || text.isBlank()) {
            hide(error);
        } else {
            show(error);
        }
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
        alert.setOnClose(e -> dismiss.run());
        openAlert.setOnAction(e -> {
            dismiss.run();
            open.run();
        });
        text.addListener(alertText);
        showAlert(text.get());
    }

    private void showAlert(String text) {
        alert.setDescription(text);
        alertRow.setVisible(text != null && !text.isBlank());
    }

    void showNotice(String text) {
        notice.setDescription(text);
        show(notice);
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
