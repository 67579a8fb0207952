package dev.aiworkbench.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A strip above the screen for errors (a sentence with the next step) and one-off notices. */
final class MessageBar extends VBox {
    private final Message error = new Message("Something needs your attention", "", new FontIcon(Feather.ALERT_TRIANGLE));
    private final Message notice = new Message("Done", "", new FontIcon(Feather.INFO));
    private final ChangeListener<String> errorText = (obs, old, now) -> showError(now);
    private ObservableStringValue boundError;

    MessageBar() {
        error.getStyleClass().add(Styles.DANGER);
        error.setId("error-message");
        notice.getStyleClass().add(Styles.ACCENT);
        notice.setId("notice-message");
        notice.setOnClose(e -> hide(notice));
        hide(error);
        hide(notice);
        getChildren().addAll(error, notice);
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
